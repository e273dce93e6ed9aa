package dev.hearth.core.map;

import dev.hearth.core.stream.Caller;
import java.time.Instant;
import java.util.Objects;

/**
 * What a map decision may know of the world.
 *
 * @param now the server's time: stamps the server's own writes and bounds how far ahead a client's may be
 * @param callersTurn whether it is the caller's turn in combat (the table knows; the map does not),
 *     consulted only when the GM has ruled that players move on their turn only
 */
public record MapContext(Caller caller, Instant now, boolean callersTurn) {

    public MapContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(now, "now");
    }
}
