package dev.hearth.server.realtime.stream;

import java.util.Optional;

/**
 * Where a client says it got to: the last sequence number it saw, and the epoch of that history
 * when it knows it.
 */
public record Resume(Optional<String> epoch, long lastSeq) {}
