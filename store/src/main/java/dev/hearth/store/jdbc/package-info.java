/**
 * The JDBC event store shared by every SQL engine: a bounded write queue, one group-committing
 * writer ({@code GroupCommitter}, {@code BatchWriter}) and pooled reads ({@link
 * dev.hearth.store.jdbc.JdbcEventStore}). Engine differences are confined to {@code SqlDialect}.
 */
package dev.hearth.store.jdbc;
