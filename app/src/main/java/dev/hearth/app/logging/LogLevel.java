package dev.hearth.app.logging;

/** The least severe level logged; {@code OFF} logs nothing. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF
}
