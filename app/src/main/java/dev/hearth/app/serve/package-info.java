/**
 * {@code hearth serve}: {@link dev.hearth.app.serve.ServeCommand} reads the configuration and runs a
 * {@code RunningHearth}, the object graph (metrics, data directory lock, event store, HTTP server)
 * with its start and stop order.
 */
package dev.hearth.app.serve;
