package dev.hearth.app.logging;

/** How log lines look: for people reading a terminal, or one JSON object per line for a log pipeline. */
public enum LogFormat {
    TEXT,
    JSON
}
