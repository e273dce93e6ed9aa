package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.core.inbox.InboxEvent;
import dev.hearth.core.inbox.InboxState;
import dev.hearth.core.inbox.Notification;
import dev.hearth.core.inbox.NotificationKind;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Domain;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.StreamCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A user's inbox on the wire and in the log (docs/protocol.md, "Notifications"). */
public final class InboxCodec implements StreamCodec<InboxState, InboxCommand, InboxEvent> {

    public static final String MARK_READ = "notifications.mark_read";
    public static final String NOTIFIED = "notification.added";
    public static final String READ = "notifications.read";

    private final ObjectMapper json;

    public InboxCodec(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String eventType(InboxEvent event) {
        return switch (event) {
            case InboxEvent.Notified n -> NOTIFIED;
            case InboxEvent.MarkedRead r -> READ;
        };
    }

    @Override
    public ObjectNode eventPayload(InboxEvent event) {
        ObjectNode node = json.createObjectNode();
        switch (event) {
            case InboxEvent.Notified n -> {
                Notification x = n.notification();
                node.put("kind", x.kind().id()).put("title", x.title()).put("body", x.body());
                x.from().ifPresent(v -> node.put("from", v));
                x.campaignId().ifPresent(v -> node.put("campaignId", v));
                x.sessionId().ifPresent(v -> node.put("sessionId", v));
            }
            case InboxEvent.MarkedRead r -> node.put("upToSeq", r.upToSeq());
        }
        return node;
    }

    @Override
    public InboxEvent decodeEvent(String type, JsonNode p) {
        return switch (type) {
            case NOTIFIED -> new InboxEvent.Notified(new Notification(
                    NotificationKind.byId(p.path("kind").asText()).orElseThrow(), p.path("title").asText(),
                    p.path("body").asText(), Fields.optionalText(p, "from"), Fields.optionalText(p, "campaignId"),
                    Fields.optionalText(p, "sessionId")));
            case READ -> new InboxEvent.MarkedRead(p.path("upToSeq").asLong());
            default -> throw new IllegalArgumentException("not an inbox event: " + type);
        };
    }

    @Override
    public Set<String> commandTypes() {
        return Set.of(MARK_READ);
    }

    @Override
    public InboxCommand decodeCommand(String type, JsonNode payload) {
        if (!MARK_READ.equals(type)) {
            throw new CommandFormatException("type", "An inbox takes " + commandTypes() + ", not " + type + ".");
        }
        return new InboxCommand.MarkRead(Fields.integer(payload, "upToSeq"));
    }

    @Override
    public byte[] encodeState(InboxState state) {
        ObjectNode node = json.createObjectNode().put("readUpTo", state.readUpTo()).put("latestSeq", state.latestSeq());
        state.unread().forEach(node.putArray("unread")::add);
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InboxState decodeState(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            List<Long> unread = new ArrayList<>();
            node.path("unread").forEach(n -> unread.add(n.asLong()));
            return new InboxState(node.path("readUpTo").asLong(), unread, node.path("latestSeq").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectNode view(InboxState state, Caller viewer, Domain<InboxState, InboxCommand, InboxEvent> domain) {
        return json.createObjectNode().put("unread", state.unreadCount()).put("readUpTo", state.readUpTo())
                .put("latestSeq", state.latestSeq());
    }
}
