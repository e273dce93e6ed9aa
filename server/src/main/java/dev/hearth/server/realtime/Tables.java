package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.AccessPolicy;
import dev.hearth.core.access.Decision;
import dev.hearth.core.access.Permission;
import dev.hearth.core.access.Role;
import dev.hearth.core.access.Standing;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapView;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.codec.MapCodec;
import dev.hearth.server.realtime.codec.TableCodec;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.protocol.Types;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.CommandOutcome;
import dev.hearth.server.realtime.stream.Committed;
import dev.hearth.server.realtime.stream.StreamActor;
import dev.hearth.server.realtime.stream.StreamRegistry;
import dev.hearth.server.realtime.stream.StreamUnavailableException;
import dev.hearth.server.realtime.stream.Submission;
import dev.hearth.server.realtime.table.PresenceStatus;
import dev.hearth.server.realtime.table.Room;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Game-session tables for every transport: who may sit at one (members of its campaign), commands
 * into its actor with their permission checked, history and activity pages, presence, and
 * ephemeral messages. WebSocket, SSE + POST and long-poll all go through here, so a feature
 * behaves the same on each.
 */
public final class Tables {

    /** Who is at which table, as what: the result of admission. */
    public record Seat(GameSession session, Caller caller) {
        public SessionId sessionId() {
            return session.id();
        }

        public Role role() {
            return caller.role();
        }
    }

    public static final int MAX_PAGE = HistoryPages.MAX_PAGE;

    private final StreamRegistry<TableState, TableCommand, TableEvent> registry;
    private final java.util.function.Function<SessionId, Room> rooms;
    private final CampaignStore campaigns;
    private final HistoryPages pages;
    private final AccessPolicy policy;
    private final TableCodec codec;
    private final dev.hearth.server.realtime.protocol.Frames frames;
    private final RollLog rolls;
    private final Probabilities probabilities;

    Tables(StreamRegistry<TableState, TableCommand, TableEvent> registry, java.util.function.Function<SessionId, Room> rooms,
            CampaignStore campaigns, HistoryPages pages, AccessPolicy policy, TableCodec codec,
            dev.hearth.server.realtime.protocol.Frames frames, RollLog rolls, Probabilities probabilities) {
        this.registry = registry;
        this.rooms = rooms;
        this.campaigns = campaigns;
        this.pages = pages;
        this.policy = policy;
        this.codec = codec;
        this.frames = frames;
        this.rolls = rolls;
        this.probabilities = probabilities;
    }

    void unloadIdle() {
        registry.unloadIdle();
    }

    public StreamActor<TableState, TableCommand, TableEvent> actor(SessionId id) {
        return registry.actor(id);
    }

    public Room room(SessionId id) {
        return rooms.apply(id);
    }

    /** The seat of a member; E005 alike for a session that does not exist and one the account may not join. */
    public Outcome<Seat> seat(Identity identity, String sessionId) {
        Optional<GameSession> session;
        try {
            session = campaigns.findSession(SessionId.of(sessionId));
        } catch (IllegalArgumentException e) {
            session = Optional.empty();
        }
        Optional<Role> role = session.flatMap(s -> roleIn(s.campaignId(), identity.account().id()));
        if (role.isEmpty()) {
            return Outcome.refused(new Refusal(404, ErrorBody.of(ErrorCode.E005,
                    "No such game session, or you are not a member of its campaign.")));
        }
        return Outcome.done(new Seat(session.get(), new Caller(identity.account().id(),
                identity.account().displayName(), role.get())));
    }

    Optional<Role> roleIn(String campaignId, String accountId) {
        return switch (campaigns.standing(campaignId, accountId)) {
            case Standing.Member m -> Optional.of(m.role());
            case Standing.Outsider o -> Optional.empty();
        };
    }

    public boolean isCommand(String type) {
        return codec.commandTypes().contains(type);
    }

    /** Decodes, authorizes and submits a command; {@code reply} gets exactly one answer, after commit if accepted. */
    public void command(Seat seat, Inbound m, long receivedNanos, Consumer<Reply> reply) {
        TableCommand command;
        try {
            if (MapCodec.IMPORT_SCENE.equals(m.type())) {
                Optional<ErrorBody> denied = denial(seat.role(), Permission.MANAGE_MAP);
                if (denied.isPresent()) {
                    reply.accept(new Reply.Error(denied.get()));
                    return;
                }
                Outcome<TableCommand> resolved = importScene(seat, codec.map().decodeSceneSource(m.payload()));
                if (resolved instanceof Outcome.Refused<TableCommand> r) {
                    reply.accept(new Reply.Error(r.refusal().body()));
                    return;
                }
                command = ((Outcome.Done<TableCommand>) resolved).value();
            } else {
                command = codec.decodeCommand(m.type(), m.payload());
            }
        } catch (CommandFormatException e) {
            reply.accept(new Reply.Error(Outcomes.error(e)));
            return;
        }
        Optional<ErrorBody> denied = denial(seat.role(), command.permission());
        if (denied.isPresent()) {
            reply.accept(new Reply.Error(denied.get()));
            return;
        }
        registry.actor(seat.sessionId()).submit(new Submission<>(command, seat.caller(), Optional.of(m.id()), m.digest(),
                receivedNanos, outcome -> reply.accept(Reply.of(outcome))));
    }

    /**
     * The scene to import, read from the committed state of another session of the same campaign
     * (the caller is a GM of both, as they are one campaign); E006 alike for a session or scene that
     * is not there and a session of another campaign.
     */
    private Outcome<TableCommand> importScene(Seat seat, MapCodec.SceneSource source) {
        Refusal missing = new Refusal(404, new ErrorBody(ErrorCode.E006, "No scene " + source.sceneId()
                + " in that session of this campaign.", Map.of("field", "sceneId"), null));
        Optional<GameSession> found;
        try {
            found = campaigns.findSession(SessionId.of(source.fromSessionId()));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty() || !found.get().campaignId().equals(seat.session().campaignId())
                || found.get().id().equals(seat.sessionId())) {
            return Outcome.refused(missing);
        }
        SessionId from = found.get().id();
        Optional<Optional<MapView.SceneView>> read = registry.actor(from)
                .read(r -> r.state().map().scene(source.sceneId()).map(s -> MapView.scene(s, "", true))).join();
        if (read.isEmpty()) {
            return Outcome.refused(new Refusal(503, new ErrorBody(ErrorCode.E008,
                    "That session cannot be loaded right now; try again in a moment.", Map.of(), 1L)));
        }
        return read.get().<Outcome<TableCommand>>map(s -> Outcome.done(new TableCommand.Map(new MapCommand.ImportScene(s))))
                .orElseGet(() -> Outcome.refused(missing));
    }

    /** Records an arrival or leave (the room decides when); no client waits for it. */
    void seating(SessionId id, Room.SeatChange change) {
        registry.actor(id).submit(new Submission<>(change.command(), change.caller(), Optional.empty(), "",
                System.nanoTime(), outcome -> { }));
    }

    private Optional<ErrorBody> denial(Role role, Permission permission) {
        return switch (policy.decide(new Standing.Member(role, false), permission)) {
            case Decision.Allowed a -> Optional.empty();
            case Decision.Denied d -> Optional.of(new ErrorBody(ErrorCode.E011, d.reason(), Map.of(
                    "permission", permission.name().toLowerCase(Locale.ROOT)), null));
        };
    }

    /**
     * A page of the table's history as the seat may see it, newest last: chat lines ({@code chat})
     * or the activity feed ({@code activity}: arrivals, leaves, announcements, rolls and combat; not
     * map changes), before {@code beforeSeq}.
     */
    public ObjectNode history(Seat seat, String feed, long beforeSeq, int limit) {
        StreamActor<TableState, TableCommand, TableEvent> actor = registry.actor(seat.sessionId());
        boolean chat = "chat".equals(feed);
        return pages.page(seat.sessionId(), beforeSeq, limit, stored -> {
            if (chat && !TableCodec.CHAT_POSTED.equals(stored.type())) {
                return Optional.empty();
            }
            Committed c = actor.committedOf(stored);
            boolean visible = c.visibility().allows(seat.caller().userId(), seat.role());
            // Map changes stay off the activity feed: every token step would bury the story.
            boolean onFeed = chat || (!TableCodec.CHAT_POSTED.equals(c.type()) || announcement(c))
                    && !TableCodec.MAP_CHANGED.equals(c.type());
            return visible && onFeed ? Optional.of(c.frameFor(seat.role())) : Optional.empty();
        });
    }

    /** {@code dice.log}: a page of the rolls the seat may see, filtered. */
    public ObjectNode diceLog(Seat seat, RollLog.Query query) {
        return rolls.page(seat, registry.actor(seat.sessionId())::committedOf, query);
    }

    /** {@code dice.stats}: per roller, over the rolls the seat may see. */
    public ObjectNode diceStats(Seat seat, Optional<String> userId) {
        return rolls.stats(seat, registry.actor(seat.sessionId())::committedOf, userId);
    }

    /** {@code dice.probability}: needs no table state, only a member asking. */
    public Outcome<ObjectNode> probability(String expression, Optional<Long> atLeast) {
        return probabilities.of(expression, atLeast);
    }

    /** {@code combat.view}: {@code {encounter}} as the seat may see it, from the committed state. */
    public ObjectNode encounter(Seat seat) {
        JsonNode view = registry.actor(seat.sessionId()).read(r -> codec.encounterView(r.state(), seat.caller()))
                .join().orElseThrow(() -> new StreamUnavailableException(seat.sessionId()));
        ObjectNode result = frames.object();
        result.set("encounter", view);
        return result;
    }

    /** {@code map.view}: {@code {map, seq}}, the map as the seat may see it, from the committed state. */
    public ObjectNode map(Seat seat) {
        return registry.actor(seat.sessionId()).read(r -> {
            ObjectNode result = frames.object();
            result.set("map", codec.mapView(r.state(), seat.caller()));
            result.put("seq", r.seq());
            return result;
        }).join().orElseThrow(() -> new StreamUnavailableException(seat.sessionId()));
    }

    private boolean announcement(Committed c) {
        return pages.parse(c.frame()).path("payload").path("kind").asText().equals("announcement");
    }


    /** The most points one ruler may have: a path of a few waypoints, not a drawing. */
    private static final int MAX_RULER_POINTS = 20;

    public boolean isEphemeral(String type) {
        return switch (type) {
            case Types.CURSOR_MOVE, Types.TYPING, Types.PRESENCE_UPDATE, Types.DRAW_PREVIEW, Types.RULER, Types.PING -> true;
            default -> false;
        };
    }

    /** An ephemeral message; the error, if it is refused (nothing is sent to others then). */
    public Optional<ErrorBody> ephemeral(Seat seat, String deviceKey, String type, JsonNode p) {
        Room room = rooms.apply(seat.sessionId());
        String userId = seat.caller().userId();
        switch (type) {
            case Types.PRESENCE_UPDATE -> {
                Optional<PresenceStatus> status = PresenceStatus.byId(p.path("status").asText());
                if (status.isEmpty()) {
                    return Optional.of(invalid("status", "'status' is active, idle or away."));
                }
                room.status(deviceKey, status.get());
            }
            case Types.CURSOR_MOVE -> {
                Optional<ErrorBody> denied = denial(seat.role(), Permission.DRAW);
                if (denied.isPresent()) {
                    return denied;
                }
                if (!finite(p.get("x")) || !finite(p.get("y"))) {
                    return Optional.of(invalid("x", "'x' and 'y' are finite numbers."));
                }
                ObjectNode position = frames.object().put("x", p.get("x").asDouble()).put("y", p.get("y").asDouble());
                JsonNode scene = p.get("scene");
                if (scene != null && scene.isTextual() && scene.asText().length() <= 64) {
                    position.put("scene", scene.asText());
                }
                room.cursor(userId, position);
            }
            case Types.TYPING -> {
                Optional<ErrorBody> denied = denial(seat.role(), Permission.CHAT);
                if (denied.isPresent()) {
                    return denied;
                }
                if (!p.path("typing").isBoolean()) {
                    return Optional.of(invalid("typing", "'typing' is true or false."));
                }
                room.typing(userId, p.get("typing").asBoolean());
            }
            case Types.DRAW_PREVIEW -> {
                Optional<ErrorBody> denied = denial(seat.role(), Permission.DRAW);
                if (denied.isPresent()) {
                    return denied;
                }
                Optional<ObjectNode> stroke = stroke(p);
                if (stroke.isEmpty()) {
                    return Optional.of(invalid("points", "A drawing preview has 'points' (at most 2000 finite numbers,"
                            + " x and y in turn), and may have 'color' (#rrggbb) and 'width' (0.5-64)."));
                }
                String layer = p.path("layer").asText("drawings");
                if (!List.of("drawings", "map", "gm").contains(layer)) {
                    return Optional.of(invalid("layer", "'layer' is drawings, map or gm."));
                }
                if (!layer.equals("drawings")) {
                    Optional<ErrorBody> gm = denial(seat.role(), Permission.MANAGE_MAP);
                    if (gm.isPresent()) {
                        return gm;
                    }
                }
                room.drawPreview(userId, stroke.get(), layer.equals("gm"));
            }
            case Types.RULER, Types.PING -> {
                Optional<ErrorBody> denied = denial(seat.role(), Permission.DRAW)
                        .or(() -> p.path("private").asBoolean(false) ? denial(seat.role(), Permission.MANAGE_MAP)
                                : Optional.empty());
                if (denied.isPresent()) {
                    return denied;
                }
                JsonNode scene = p.get("scene");
                if (scene == null || !scene.isTextual() || scene.asText().isEmpty() || scene.asText().length() > 64) {
                    return Optional.of(invalid("scene", "'scene' is the id of the scene, at most 64 characters."));
                }
                ObjectNode mark = frames.object().put("scene", scene.asText());
                boolean gmsOnly = p.path("private").asBoolean(false);
                if (type.equals(Types.PING)) {
                    if (!finite(p.get("x")) || !finite(p.get("y"))) {
                        return Optional.of(invalid("x", "'x' and 'y' are finite numbers."));
                    }
                    room.ping(userId, mark.put("x", p.get("x").asDouble()).put("y", p.get("y").asDouble()), gmsOnly);
                } else {
                    JsonNode points = p.get("points");
                    if (points == null || !points.isArray() || points.size() % 2 != 0
                            || points.size() == 2 || points.size() > 2 * MAX_RULER_POINTS) {
                        return Optional.of(invalid("points", "A ruler has 'points': none (to clear it) or 2-"
                                + MAX_RULER_POINTS + " points, x and y in turn."));
                    }
                    ArrayNode copy = mark.putArray("points");
                    for (JsonNode n : points) {
                        if (!finite(n)) {
                            return Optional.of(invalid("points", "A ruler's points are finite numbers."));
                        }
                        copy.add(n.asDouble());
                    }
                    room.ruler(userId, mark, gmsOnly);
                }
            }
            default -> {
                return Optional.of(invalid("type", "Not an ephemeral message: " + type));
            }
        }
        return Optional.empty();
    }

    /** Only the fields a preview has, checked: a client cannot relay arbitrary JSON to the others. */
    private Optional<ObjectNode> stroke(JsonNode p) {
        JsonNode points = p.get("points");
        if (points == null || !points.isArray() || points.size() > 2000 || points.size() % 2 != 0) {
            return Optional.empty();
        }
        ObjectNode stroke = frames.object();
        ArrayNode copy = stroke.putArray("points");
        for (JsonNode n : points) {
            if (!finite(n)) {
                return Optional.empty();
            }
            copy.add(n.asDouble());
        }
        JsonNode color = p.get("color");
        if (color != null) {
            if (!color.isTextual() || !color.asText().matches("#[0-9a-fA-F]{6}")) {
                return Optional.empty();
            }
            stroke.put("color", color.asText());
        }
        JsonNode width = p.get("width");
        if (width != null) {
            if (!finite(width) || width.asDouble() < 0.5 || width.asDouble() > 64) {
                return Optional.empty();
            }
            stroke.put("width", width.asDouble());
        }
        return Optional.of(stroke);
    }

    private static boolean finite(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.asDouble());
    }

    private static ErrorBody invalid(String field, String message) {
        return new ErrorBody(ErrorCode.E007, message, Map.of("field", field), null);
    }

    /** The answer to a command: an ack after commit, or an error. */
    public sealed interface Reply {
        record Ack(CommandOutcome.Acked ack) implements Reply {}

        record Error(ErrorBody error) implements Reply {}

        static Reply of(CommandOutcome outcome) {
            return switch (outcome) {
                case CommandOutcome.Acked a -> new Ack(a);
                case CommandOutcome.Refused r -> new Error(Outcomes.error(r.rejection()));
                case CommandOutcome.Failed f -> new Error(Outcomes.error(f));
            };
        }
    }
}
