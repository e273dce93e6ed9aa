/**
 * Stream actors: the single writer of each stream (a table, an inbox, the system channel), which
 * decides, appends, applies, acknowledges after commit and fans out by visibility, pipelined; plus
 * resumes from the in-memory tail or the store, and idempotency by message id.
 */
package dev.hearth.server.realtime.stream;
