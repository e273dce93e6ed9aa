package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.system.SystemCommand;
import dev.hearth.core.system.SystemEvent;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.StreamCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** The system channel on the wire and in the log (docs/protocol.md, "System"). */
public final class SystemCodec implements StreamCodec<Long, SystemCommand, SystemEvent> {

    public static final String ANNOUNCE = "system.announce";
    public static final String ANNOUNCED = "system.announced";

    private final ObjectMapper json;

    public SystemCodec(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String eventType(SystemEvent event) {
        return ANNOUNCED;
    }

    @Override
    public ObjectNode eventPayload(SystemEvent event) {
        SystemEvent.Announced a = (SystemEvent.Announced) event;
        return json.createObjectNode().put("text", a.text()).put("level", a.level().id());
    }

    @Override
    public SystemEvent decodeEvent(String type, JsonNode p) {
        if (!ANNOUNCED.equals(type)) {
            throw new IllegalArgumentException("not a system event: " + type);
        }
        return new SystemEvent.Announced(p.path("text").asText(), level(p.path("level").asText("info")));
    }

    @Override
    public Set<String> commandTypes() {
        return Set.of(ANNOUNCE);
    }

    @Override
    public SystemCommand decodeCommand(String type, JsonNode payload) {
        if (!ANNOUNCE.equals(type)) {
            throw new CommandFormatException("type", "The system channel takes " + ANNOUNCE + ", not " + type + ".");
        }
        return new SystemCommand.Announce(Fields.text(payload, "text"),
                level(Fields.optionalText(payload, "level").orElse("info")));
    }

    private static SystemCommand.Level level(String id) {
        return Arrays.stream(SystemCommand.Level.values()).filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new CommandFormatException("level", "'level' is info or warning."));
    }

    @Override
    public byte[] encodeState(Long state) {
        return state.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Long decodeState(byte[] bytes) {
        return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
    }

    @Override
    public ObjectNode view(Long state, Caller viewer, Domain<Long, SystemCommand, SystemEvent> domain) {
        return json.createObjectNode().put("announcements", state);
    }
}
