/**
 * Log output: {@link dev.hearth.app.logging.LogbackConfiguration} sets SLF4J's Logback backend up
 * from {@code log.format} ({@link dev.hearth.app.logging.LogFormat}) and {@code log.level} ({@link
 * dev.hearth.app.logging.LogLevel}).
 */
package dev.hearth.app.logging;
