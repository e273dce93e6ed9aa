/**
 * The durable event log: the {@link dev.hearth.store.EventStore} contract and its value types.
 *
 * <p>Implementations: {@code store.sqlite} (embedded default) and {@code store.postgres}, both
 * built on the batching writer in {@code store.jdbc}.
 */
package dev.hearth.store;
