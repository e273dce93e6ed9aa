package dev.hearth.bench.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.table.Table;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.realtime.codec.CombatCodec;
import dev.hearth.server.realtime.codec.GameJson;
import dev.hearth.server.realtime.codec.MapCodec;
import dev.hearth.server.realtime.codec.TableCodec;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One map command as the table actor pays for it, with the server's own table and codec: {@link
 * Table#decide} (which also applies each event to a copy of the map to judge what GMs and players
 * receive of it), {@link Table#apply}, then each event encoded for the log ({@code logPayload}) and
 * as the GMs' and the players' {@code map.changed} frames, written to strings as the server writes
 * them. The store's append and the sockets are not here: {@code bench/run store} and {@code
 * bench/run load} measure those.
 */
final class CommandPath {

    /**
     * What one command cost.
     *
     * @param rejection why it was refused, if it was (a refusal is decided too, and paid for)
     * @param playerBytes 0 when players receive the GMs' frame (their changes are the same) or nothing
     */
    record Outcome(TableState state, Optional<Rejection> rejection, int events, long decideNanos, long applyNanos,
            long encodeNanos, int logBytes, int gmBytes, int playerBytes) {

        long nanos() {
            return decideNanos + applyNanos + encodeNanos;
        }
    }

    private final Table table = new Table();
    private final ObjectMapper json = new ObjectMapper();
    private final TableCodec codec = codec(json);

    /** The codec as the server builds it ({@code Realtime}): a plain mapper for the envelope, {@link GameJson} for the game. */
    static TableCodec codec(ObjectMapper json) {
        ObjectMapper game = GameJson.mapper();
        return new TableCodec(json, new CombatCodec(game), new MapCodec(game));
    }

    TableCodec codec() {
        return codec;
    }

    ObjectMapper json() {
        return json;
    }

    Outcome run(TableState state, long seq, CommandContext context, MapCommand command) {
        TableCommand.Map wrapped = new TableCommand.Map(command);
        long t0 = System.nanoTime();
        Decision<TableEvent> decision = table.decide(state, wrapped, context);
        long t1 = System.nanoTime();
        if (!(decision instanceof Decision.Accepted<TableEvent> accepted)) {
            Rejection why = ((Decision.Rejected<TableEvent>) decision).rejection();
            return new Outcome(state, Optional.of(why), 0, t1 - t0, 0, 0, 0, 0, 0);
        }
        TableState next = state;
        long n = seq;
        for (TableEvent e : accepted.events()) {
            next = table.apply(next, e, ++n);
        }
        long t2 = System.nanoTime();
        int log = 0;
        int gm = 0;
        int player = 0;
        for (TableEvent e : accepted.events()) {
            log += write(codec.logPayload(e));
            gm += write(codec.eventPayload(e));
            Optional<ObjectNode> others = codec.eventPayload(e, Role.PLAYER);
            if (others.isPresent()) {
                player += write(others.get());
            }
        }
        long t3 = System.nanoTime();
        return new Outcome(next, Optional.empty(), accepted.events().size(), t1 - t0, t2 - t1, t3 - t2, log, gm, player);
    }

    private int write(ObjectNode node) {
        try {
            return json.writeValueAsString(node).length();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
