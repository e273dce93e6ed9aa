/**
 * Opening the configured event store ({@link dev.hearth.app.store.EventStoreFactory}) and keeping a
 * data directory to one process ({@link dev.hearth.app.store.DataDirectoryLock}).
 */
package dev.hearth.app.store;
