package dev.hearth.server.realtime.stream;

import java.time.Instant;
import java.util.Optional;

/**
 * An event as the log stores it: the event with who caused it, when, and (on the first event of a
 * client command) the digest of that command, so that a message id replayed with another body is
 * told apart from a retry even after a restart.
 */
record EventRecord<E>(E event, String author, Instant at, Optional<String> commandDigest) {}
