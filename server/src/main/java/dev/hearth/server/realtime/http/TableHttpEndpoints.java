package dev.hearth.server.realtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.Realtime;
import dev.hearth.server.realtime.RollLog;
import dev.hearth.server.realtime.Tables;
import dev.hearth.server.realtime.protocol.Types;
import dev.hearth.server.realtime.stream.Committed;
import dev.hearth.server.realtime.stream.StreamUnavailableException;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A table for clients that have neither WebSocket nor SSE: the activity stream by long-poll, cursors
 * and drawing previews by POST, presence and history pages by GET. Everything goes through
 * {@link Tables} and the table's actor, as on the other transports, so visibility, permissions and
 * limits are the same; a long-poller shows in presence for a minute after each poll.
 */
public final class TableHttpEndpoints {

    /** At most this many events per poll; the client polls again from {@code position.seq}. */
    static final int MAX_ITEMS = 500;
    static final int MAX_WAIT_SECONDS = 25;
    /** A long-poller is present this long after its last poll. */
    static final Duration POLL_PRESENCE = Duration.ofSeconds(60);
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Realtime realtime;
    private final Function<Context, Outcome<Identity>> caller;
    private final HttpAnswers answers;

    /** @param caller who a request is (bearer token, or local mode's user) */
    public TableHttpEndpoints(Realtime realtime, Function<Context, Outcome<Identity>> caller) {
        this.realtime = realtime;
        this.caller = caller;
        this.answers = new HttpAnswers(realtime.metrics());
    }

    /** What one poll found: the visible events and where the caller has now seen up to. */
    private record Poll(List<Committed> visible, Optional<String> epoch, long seenTo, long streamSeq, boolean more) {}

    /**
     * {@code GET /api/realtime/activity?session=ID&after=SEQ&wait=S&device=D}: the events after {@code
     * after} the caller may see, at once if there are any, else when one commits or {@code wait}
     * seconds pass (then possibly none).
     */
    public void activity(Context ctx) throws Exception {
        Optional<Tables.Seat> seat = seat(ctx, ctx.queryParam("session"));
        if (seat.isEmpty()) {
            return;
        }
        Optional<Long> after = answers.number(ctx, "after", 0, 0, Long.MAX_VALUE);
        Optional<Long> wait = answers.number(ctx, "wait", MAX_WAIT_SECONDS, 0, MAX_WAIT_SECONDS);
        if (after.isEmpty() || wait.isEmpty()) {
            return;
        }
        Optional<String> device = device(ctx);
        if (device.isEmpty()) {
            return;
        }
        Tables.Seat s = seat.get();
        String userId = s.caller().userId();
        realtime.tables().room(s.sessionId()).join("poll:" + userId + ":" + device.get(), s.caller(), device.get(),
                "long-poll", System.nanoTime() + POLL_PRESENCE.toNanos());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait.get());
        long from = after.get();
        try {
            poll(ctx, s, from, deadline);
        } catch (ExecutionException e) {
            answers.error(ctx, new ErrorBody(ErrorCode.E008, "This table cannot be loaded right now; poll again in a moment.",
                    Map.of(), 1L));
        }
    }

    private void poll(Context ctx, Tables.Seat s, long from, long deadline) throws InterruptedException,
            ExecutionException {
        var actor = realtime.tables().actor(s.sessionId());
        Poll poll = read(s, from);
        if (from > poll.streamSeq()) {
            answers.error(ctx, Refusal.invalid("after", "'after' (" + from + ") is beyond the stream (at " + poll.streamSeq()
                    + "); start again from 0 or the position you were given.").body());
            return;
        }
        // Events the caller may not see move its position but do not end the wait.
        while (poll.visible().isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.CompletableFuture<Long> beyond = actor.awaitBeyond(poll.seenTo());
            try {
                beyond.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                beyond.cancel(false); // done, so the actor forgets the waiter
                break;
            }
            poll = read(s, poll.seenTo());
        }
        ObjectNode body = realtime.frames().object();
        ArrayNode items = body.putArray("items");
        for (Committed c : poll.visible()) {
            items.add(parse(c.frameFor(s.role())));
        }
        ObjectNode position = body.putObject("position");
        poll.epoch().ifPresentOrElse(e -> position.put("epoch", e), () -> position.putNull("epoch"));
        position.put("seq", poll.seenTo());
        body.put("more", poll.more());
        ctx.json(body);
    }

    private Poll read(Tables.Seat s, long after) throws InterruptedException, ExecutionException {
        return realtime.tables().actor(s.sessionId()).read(r -> {
            if (after >= r.seq()) {
                return new Poll(List.of(), r.epoch(), Math.min(after, r.seq()), r.seq(), false);
            }
            List<Committed> events = r.eventsAfter(after, MAX_ITEMS);
            long seenTo = events.isEmpty() ? r.seq() : events.get(events.size() - 1).seq();
            List<Committed> visible = events.stream()
                    .filter(c -> c.visibility().allows(s.caller().userId(), s.role())).toList();
            return new Poll(visible, r.epoch(), seenTo, r.seq(), seenTo < r.seq());
        }).get().orElseThrow(() -> new ExecutionException(new IllegalStateException("stream unavailable")));
    }

    /** {@code POST /api/realtime/cursor} {@code {session, x, y, scene?}}: 204, or the error. */
    public void cursor(Context ctx) {
        ephemeral(ctx, Types.CURSOR_MOVE);
    }

    /** {@code POST /api/realtime/draw} {@code {session, points, color?, width?}}: 204, or the error. */
    public void draw(Context ctx) {
        ephemeral(ctx, Types.DRAW_PREVIEW);
    }

    private void ephemeral(Context ctx, String type) {
        JsonNode body;
        try {
            body = realtime.frames().json().readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            answers.error(ctx, Refusal.badRequest("The body is a JSON object.").body());
            return;
        }
        JsonNode session = body.get("session");
        Optional<Tables.Seat> seat = seat(ctx, session != null && session.isTextual() ? session.asText() : null, true);
        if (seat.isEmpty()) {
            return;
        }
        Optional<String> device = device(ctx);
        if (device.isEmpty()) {
            return;
        }
        String key = "poll:" + seat.get().caller().userId() + ":" + device.get();
        realtime.tables().ephemeral(seat.get(), key, type, body).ifPresentOrElse(error -> answers.error(ctx, error),
                () -> ctx.status(204));
    }

    /** {@code GET /api/realtime/presence?session=ID}: who is at the table, on which devices and transports. */
    public void presence(Context ctx) {
        seat(ctx, ctx.queryParam("session")).ifPresent(s -> ctx.json(realtime.tables().room(s.sessionId()).presence()));
    }

    /** {@code GET /api/sessions/{id}/chat?before=&limit=}: a page of chat, newest last. */
    public void chat(Context ctx) {
        history(ctx, "chat");
    }

    /** {@code GET /api/sessions/{id}/activity?before=&limit=}: a page of the activity feed, newest last. */
    public void feed(Context ctx) {
        history(ctx, "activity");
    }

    private void history(Context ctx, String feed) {
        Optional<Tables.Seat> seat = seat(ctx, ctx.pathParam("id"));
        if (seat.isEmpty()) {
            return;
        }
        Optional<Long> before = answers.number(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        Optional<Long> limit = answers.number(ctx, "limit", 50, 1, Tables.MAX_PAGE);
        if (before.isPresent() && limit.isPresent()) {
            ctx.json(realtime.tables().history(seat.get(), feed, before.get(), limit.get().intValue()));
        }
    }

    /** {@code GET /api/sessions/{id}/dice?before&limit&userId&label&mode}: a page of the rolls the caller may see. */
    public void dice(Context ctx) {
        Optional<Tables.Seat> seat = seat(ctx, ctx.pathParam("id"));
        if (seat.isEmpty()) {
            return;
        }
        Optional<Long> before = answers.number(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        Optional<Long> limit = answers.number(ctx, "limit", 50, 1, Tables.MAX_PAGE);
        if (before.isEmpty() || limit.isEmpty()) {
            return;
        }
        switch (RollLog.query(before.get(), limit.get().intValue(), name -> query(ctx, name))) {
            case Outcome.Done<RollLog.Query> d -> ctx.json(realtime.tables().diceLog(seat.get(), d.value()));
            case Outcome.Refused<RollLog.Query> r -> answers.refuse(ctx, r.refusal());
        }
    }

    /** {@code GET /api/sessions/{id}/dice/stats?userId}: per roller, over the rolls the caller may see. */
    public void diceStats(Context ctx) {
        seat(ctx, ctx.pathParam("id")).ifPresent(s -> ctx.json(realtime.tables().diceStats(s, query(ctx, "userId"))));
    }

    /** {@code GET /api/sessions/{id}/dice/probability?expression&atLeast}: the exact distribution of one roll. */
    public void probability(Context ctx) {
        if (seat(ctx, ctx.pathParam("id")).isEmpty()) {
            return;
        }
        Optional<String> expression = query(ctx, "expression");
        if (expression.isEmpty()) {
            answers.refuse(ctx, Refusal.invalid("expression", "'expression' is required."));
            return;
        }
        Optional<Long> atLeast = Optional.empty();
        if (query(ctx, "atLeast").isPresent()) {
            Optional<Long> n = answers.number(ctx, "atLeast", 0, Long.MIN_VALUE, Long.MAX_VALUE);
            if (n.isEmpty()) {
                return;
            }
            atLeast = n;
        }
        switch (realtime.tables().probability(expression.get(), atLeast)) {
            case Outcome.Done<ObjectNode> d -> ctx.json(d.value());
            case Outcome.Refused<ObjectNode> r -> answers.refuse(ctx, r.refusal());
        }
    }

    /** {@code GET /api/sessions/{id}/encounter}: {@code {encounter}}, as the caller may see it. */
    public void encounter(Context ctx) {
        view(ctx, realtime.tables()::encounter);
    }

    /** {@code GET /api/sessions/{id}/map}: {@code {map, seq}}, as the caller may see it. */
    public void map(Context ctx) {
        view(ctx, realtime.tables()::map);
    }

    /** {@code POST /api/realtime/ruler} {@code {session, scene, points, private?}}: 204, or the error. */
    public void ruler(Context ctx) {
        ephemeral(ctx, Types.RULER);
    }

    /** {@code POST /api/realtime/ping} {@code {session, scene, x, y, private?}}: 204, or the error. */
    public void ping(Context ctx) {
        ephemeral(ctx, Types.PING);
    }

    /** A view of the table's state for the caller, read from its committed state. */
    private void view(Context ctx, java.util.function.Function<Tables.Seat, ObjectNode> read) {
        Optional<Tables.Seat> seat = seat(ctx, ctx.pathParam("id"));
        if (seat.isEmpty()) {
            return;
        }
        try {
            ctx.json(read.apply(seat.get()));
        } catch (StreamUnavailableException | java.util.concurrent.CompletionException e) {
            answers.error(ctx, new ErrorBody(ErrorCode.E008, "This table cannot be loaded right now; ask again in a moment.",
                    Map.of(), 1L));
        }
    }

    private static Optional<String> query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    // ---------------------------------------------------------------- shared checks (each answers its refusal)

    private Optional<Tables.Seat> seat(Context ctx, String sessionId) {
        return seat(ctx, sessionId, false);
    }

    /** The caller's seat, within the rate limit of reads and commands or, for cursors and drawing, of ephemerals. */
    private Optional<Tables.Seat> seat(Context ctx, String sessionId, boolean ephemeral) {
        Outcome<Identity> who = caller.apply(ctx);
        if (who instanceof Outcome.Refused<Identity> r) {
            answers.refuse(ctx, r.refusal());
            return Optional.empty();
        }
        String account = ((Outcome.Done<Identity>) who).value().account().id();
        Optional<ErrorBody> limited = ephemeral ? realtime.httpLimits().ephemeral(account)
                : realtime.httpLimits().command(account);
        if (limited.isPresent()) {
            answers.error(ctx, limited.get());
            return Optional.empty();
        }
        if (sessionId == null || sessionId.isBlank()) {
            answers.error(ctx, Refusal.invalid("session", "Name the game session: 'session' is its id.").body());
            return Optional.empty();
        }
        return switch (realtime.tables().seat(((Outcome.Done<Identity>) who).value(), sessionId)) {
            case Outcome.Refused<Tables.Seat> r -> {
                answers.refuse(ctx, r.refusal());
                yield Optional.empty();
            }
            case Outcome.Done<Tables.Seat> d -> Optional.of(d.value());
        };
    }


    private Optional<String> device(Context ctx) {
        String device = ctx.queryParam("device");
        if (device == null) {
            return Optional.of("http");
        }
        if (DEVICE.matcher(device).matches()) {
            return Optional.of(device);
        }
        answers.error(ctx, Refusal.invalid("device", "'device' is 1-64 letters, digits or _.:-").body());
        return Optional.empty();
    }

    private JsonNode parse(String frame) {
        try {
            return realtime.frames().json().readTree(frame);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


}
