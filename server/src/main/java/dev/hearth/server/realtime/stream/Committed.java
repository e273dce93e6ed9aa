package dev.hearth.server.realtime.stream;

import dev.hearth.core.stream.Visibility;

/**
 * A committed event ready for delivery: its frame is encoded once and sent as is to every
 * subscriber its visibility allows.
 *
 * @param frame the wire envelope, JSON text
 * @param commandNanos when the command that caused it was received ({@link System#nanoTime}), 0 if
 *     unknown (read back from the log), for the command-to-delivery latency
 */
public record Committed(long seq, String type, String author, Visibility visibility, String frame, long commandNanos) {}
