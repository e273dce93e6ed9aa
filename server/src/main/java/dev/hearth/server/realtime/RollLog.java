package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.table.DiceMode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.codec.TableCodec;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.server.realtime.stream.Committed;
import dev.hearth.store.EventStore;
import dev.hearth.store.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A table's rolls as a reader may see them: pages of {@code dice.rolled} frames with filters
 * ({@code dice.log}) and per-user statistics ({@code dice.stats}). Read from the log, which is the
 * record of every roll; a roll the reader may not see (another's GM, blind or self roll) counts in
 * neither.
 */
public final class RollLog {

    /** Statistics read at most this many of the latest events: a bound on one request's work. */
    static final int MAX_STATS_SCAN = 100_000;
    private static final Pattern D20 = Pattern.compile("^\\d*d20(?!\\d).*");

    /** What {@code dice.log} asks for; empty filters match everything. */
    public record Query(long before, int limit, Optional<String> userId, Optional<String> label,
            Optional<DiceMode> mode) {}

    private final EventStore store;
    private final HistoryPages pages;
    private final Frames frames;

    RollLog(EventStore store, HistoryPages pages, Frames frames) {
        this.store = store;
        this.pages = pages;
        this.frames = frames;
    }

    /** Reads a query from text parameters (a request's params or a URL's query), refusing a bad one. */
    public static Outcome<Query> query(long before, int limit, Function<String, Optional<String>> text) {
        Optional<String> mode = text.apply("mode");
        Optional<DiceMode> parsed = mode.flatMap(DiceMode::byId);
        if (mode.isPresent() && parsed.isEmpty()) {
            return Outcome.refused(Refusal.invalid("mode", "'mode' is one of public, gm, blind, self."));
        }
        return Outcome.done(new Query(before, limit, text.apply("userId"), text.apply("label"), parsed));
    }

    ObjectNode page(Tables.Seat seat, Function<StoredEvent, Committed> committedOf, Query q) {
        return pages.page(seat.sessionId(), q.before(), q.limit(), stored -> {
            if (!TableCodec.DICE_ROLLED.equals(stored.type())) {
                return Optional.empty();
            }
            Committed c = committedOf.apply(stored);
            if (!c.visibility().allows(seat.caller().userId(), seat.role())) {
                return Optional.empty();
            }
            JsonNode p = pages.parse(c.frame()).path("payload");
            boolean match = q.userId().map(u -> u.equals(p.path("userId").asText())).orElse(true)
                    && q.label().map(l -> l.equalsIgnoreCase(p.path("label").asText())).orElse(true)
                    && q.mode().map(m -> m.id().equals(p.path("mode").asText())).orElse(true);
            return match ? Optional.of(c.frame()) : Optional.empty();
        });
    }

    /** {@code {users: [{userId, displayName, rolls, d20: {count, mean, nat1, nat20, faces}}]}}, by first roll. */
    ObjectNode stats(Tables.Seat seat, Function<StoredEvent, Committed> committedOf, Optional<String> userId) {
        Map<String, Tally> byUser = new LinkedHashMap<>();
        long before = Long.MAX_VALUE;
        int scanned = 0;
        while (scanned < MAX_STATS_SCAN) {
            List<StoredEvent> page = store.readBefore(seat.sessionId(), before, 1000);
            if (page.isEmpty()) {
                break;
            }
            scanned += page.size();
            for (int i = page.size() - 1; i >= 0; i--) {
                StoredEvent stored = page.get(i);
                before = stored.seq();
                if (!TableCodec.DICE_ROLLED.equals(stored.type())) {
                    continue;
                }
                Committed c = committedOf.apply(stored);
                if (!c.visibility().allows(seat.caller().userId(), seat.role())) {
                    continue;
                }
                JsonNode p = pages.parse(c.frame()).path("payload");
                String user = p.path("userId").asText();
                if (userId.isEmpty() || userId.get().equals(user)) {
                    byUser.computeIfAbsent(user, u -> new Tally(p.path("displayName").asText())).add(p.path("result"));
                }
            }
            if (page.get(0).seq() <= 1) {
                break;
            }
        }
        ObjectNode result = frames.object();
        ArrayNode users = result.putArray("users");
        // Read newest first; listed oldest roller first, so the order is stable as rolls come in.
        List<Map.Entry<String, Tally>> entries = List.copyOf(byUser.entrySet()).reversed();
        for (Map.Entry<String, Tally> e : entries) {
            Tally t = e.getValue();
            ObjectNode u = users.addObject().put("userId", e.getKey()).put("displayName", t.displayName)
                    .put("rolls", t.rolls);
            ObjectNode d20 = u.putObject("d20").put("count", t.d20s).put("mean", t.d20s == 0 ? 0.0 : (double) t.sum / t.d20s)
                    .put("nat1", t.faces[0]).put("nat20", t.faces[19]);
            ArrayNode faces = d20.putArray("faces");
            for (long f : t.faces) {
                faces.add(f);
            }
        }
        return result;
    }

    /** One roller's counts. Every d20 counts, kept or dropped (advantage shows both), by the face it showed last. */
    private static final class Tally {
        final String displayName;
        long rolls;
        long d20s;
        long sum;
        final long[] faces = new long[20];

        Tally(String displayName) {
            this.displayName = displayName;
        }

        void add(JsonNode result) {
            rolls++;
            for (JsonNode roll : result.path("rolls")) {
                for (JsonNode term : roll.path("terms")) {
                    if (!"dice".equals(term.path("kind").asText())
                            || !D20.matcher(term.path("notation").asText().toLowerCase(Locale.ROOT)).matches()) {
                        continue;
                    }
                    for (JsonNode die : term.path("dice")) {
                        int face = die.path("face").asInt();
                        if (face >= 1 && face <= 20) {
                            faces[face - 1]++;
                            d20s++;
                            sum += face;
                        }
                    }
                }
            }
        }
    }
}
