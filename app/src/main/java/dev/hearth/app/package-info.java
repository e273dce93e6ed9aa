/**
 * The {@code hearth} command line ({@link dev.hearth.app.Main}) and the only place that knows every
 * module: it builds the object graph from configuration. Subpackages: {@code config} (the typed
 * configuration and its sources), {@code serve} (the serve command and the running graph), {@code
 * store} (opening the configured event store, locking the data directory), {@code logging}.
 */
package dev.hearth.app;
