package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.core.access.Role;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.realtime.codec.MapCodec;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.stream.Resume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /ws/session/{sessionId}}: a game session's table. */
public final class SessionChannel implements Channel {

    private final Tables tables;
    private final String sessionId;
    private volatile Tables.Seat seat;

    public SessionChannel(Tables tables, String sessionId) {
        this.tables = tables;
        this.sessionId = sessionId;
    }

    @Override
    public String name() {
        return "session";
    }

    String campaignId() {
        Tables.Seat s = seat;
        return s == null ? "" : s.session().campaignId();
    }

    @Override
    public Outcome<Role> admit(Identity identity) {
        return switch (tables.seat(identity, sessionId)) {
            case Outcome.Refused<Tables.Seat> r -> Outcome.refused(r.refusal());
            case Outcome.Done<Tables.Seat> d -> {
                seat = d.value();
                yield Outcome.done(seat.role());
            }
        };
    }

    @Override
    public void attach(Connection c, Optional<Resume> resume, boolean resuming) {
        Tables.Seat s = seat;
        if (!resuming) {
            tables.room(s.sessionId()).join(c.id(), s.caller(), c.deviceId(), c.transport(), Long.MAX_VALUE);
        }
        tables.actor(s.sessionId()).attach(c, resume, attachment -> Welcome.frame(c, Optional.of(sessionId), attachment,
                p -> {
                    p.put("campaignId", s.session().campaignId());
                    p.put("sessionName", s.session().name());
                    p.set("presence", tables.room(s.sessionId()).presence());
                    if (attachment.view().isPresent()) {
                        p.set("chat", tables.history(current(c), "chat", attachment.seq() + 1, 50));
                    }
                }));
    }

    /** The seat with the connection's current role (it may have changed since admission). */
    private Tables.Seat current(Connection c) {
        Tables.Seat s = seat;
        return new Tables.Seat(s.session(), new dev.hearth.core.stream.Caller(s.caller().userId(),
                s.caller().displayName(), c.role()));
    }

    @Override
    public void detach(Connection c) {
        Tables.Seat s = seat;
        tables.actor(s.sessionId()).detach(c);
        if (!c.isOpen()) {
            tables.room(s.sessionId()).leave(c.id());
        }
    }

    @Override
    public boolean isCommand(String type) {
        return tables.isCommand(type);
    }

    @Override
    public void command(Connection c, Inbound m) {
        tables.command(current(c), m, System.nanoTime(), reply -> Replies.send(c, m, reply));
    }

    @Override
    public void request(Connection c, Inbound m) {
        Replies.request(c, m, (method, params) -> switch (method) {
            case "chat.history", "activity.feed" -> Replies.page(params).map(page -> (Object) tables.history(current(c),
                    method.equals("chat.history") ? "chat" : "activity", page.before(), page.limit()));
            case "presence.list" -> Optional.of(tables.room(seat.sessionId()).presence());
            case "dice.log" -> Replies.page(params).map(page -> diceLog(c, params, page));
            case "dice.stats" -> {
                Optional<String> userId = Replies.optionalText(params, "userId");
                yield Optional.of(userId == null ? Replies.invalid("userId", "'userId' is a string.")
                        : tables.diceStats(current(c), userId));
            }
            case "dice.probability" -> Optional.of(probability(params));
            case "combat.view" -> Optional.of(tables.encounter(current(c)));
            case MapCodec.VIEW -> Optional.of(tables.map(current(c)));
            default -> null;
        });
    }

    private Object diceLog(Connection c, JsonNode params, Replies.Page page) {
        for (String field : List.of("userId", "label", "mode")) {
            if (Replies.optionalText(params, field) == null) {
                return Replies.invalid(field, "'" + field + "' is a string.");
            }
        }
        return switch (RollLog.query(page.before(), page.limit(), field -> Replies.optionalText(params, field))) {
            case Outcome.Done<RollLog.Query> d -> tables.diceLog(current(c), d.value());
            case Outcome.Refused<RollLog.Query> r -> r.refusal().body();
        };
    }

    private Object probability(JsonNode params) {
        Optional<String> expression = Replies.optionalText(params, "expression");
        if (expression == null || expression.isEmpty()) {
            return Replies.invalid("expression", "'expression' is required and must be a string.");
        }
        JsonNode atLeast = params.get("atLeast");
        if (atLeast != null && !atLeast.isNull() && !(atLeast.isIntegralNumber() && atLeast.canConvertToLong())) {
            return Replies.invalid("atLeast", "'atLeast' is an integer.");
        }
        Optional<Long> least = atLeast == null || atLeast.isNull() ? Optional.empty() : Optional.of(atLeast.asLong());
        return switch (tables.probability(expression.get(), least)) {
            case Outcome.Done<com.fasterxml.jackson.databind.node.ObjectNode> d -> d.value();
            case Outcome.Refused<com.fasterxml.jackson.databind.node.ObjectNode> r -> r.refusal().body();
        };
    }

    @Override
    public boolean isEphemeral(String type) {
        return tables.isEphemeral(type);
    }

    @Override
    public void ephemeral(Connection c, Inbound m) {
        tables.ephemeral(current(c), c.id(), m.type(), m.payload()).ifPresent(error -> c.refuse(Optional.of(m.id()), error));
    }

    @Override
    public Optional<Role> recheck(Connection c) {
        Optional<Role> role = tables.roleIn(seat.session().campaignId(), c.userId());
        role.ifPresent(r -> {
            if (r != c.role()) {
                tables.room(seat.sessionId()).roleChanged(c.userId(), r);
            }
        });
        return role;
    }

    static ErrorBody unknownMethod(String method) {
        return new ErrorBody(ErrorCode.E007, "Unknown request method '" + method + "'.", Map.of("field", "method"), null);
    }
}
