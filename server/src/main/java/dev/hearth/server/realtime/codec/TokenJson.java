package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.hearth.core.map.Hlc;
import dev.hearth.core.map.ImageRef;
import dev.hearth.core.map.Layer;
import dev.hearth.core.map.Lww;
import dev.hearth.core.map.Token;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.map.TokenProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A token as clients want it: flat ({@code {id, layer, x, y, width, height, rotation, name, image?,
 * owners, combatantId?, hidden, locked}}), with each property's stamp under {@code stamps}, keyed
 * by the property's lower-case name. The log and snapshots keep the same form.
 */
final class TokenJson {

    private TokenJson() {}

    static final class Writer extends JsonSerializer<Token> {
        @Override
        public void serialize(Token t, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("layer", GameJson.wireName(t.layer()));
            g.writeNumberField("x", t.position().x());
            g.writeNumberField("y", t.position().y());
            g.writeNumberField("width", t.size().width());
            g.writeNumberField("height", t.size().height());
            g.writeNumberField("rotation", t.rotation());
            g.writeStringField("name", t.name());
            if (t.image().isPresent()) {
                provider.defaultSerializeField("image", t.image().get(), g);
            }
            g.writeArrayFieldStart("owners");
            for (String owner : t.owners()) {
                g.writeString(owner);
            }
            g.writeEndArray();
            if (t.combatantId().isPresent()) {
                g.writeStringField("combatantId", t.combatantId().get());
            }
            g.writeBooleanField("hidden", t.hidden());
            g.writeBooleanField("locked", t.locked());
            g.writeObjectFieldStart("stamps");
            for (TokenProperty p : TokenProperty.values()) {
                provider.defaultSerializeField(key(p), t.stamp(p), g);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<Token> {
        @Override
        public Token deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
            JsonNode n = parser.readValueAsTree();
            if (!n.path("id").isTextual()) {
                throw ctx.weirdStringException(n.path("id").asText(), Token.class, "a token needs an id");
            }
            Layer layer = ctx.readTreeAsValue(n.path("layer"), Layer.class);
            List<String> owners = new ArrayList<>();
            n.path("owners").forEach(o -> owners.add(o.asText()));
            Optional<ImageRef> image = n.hasNonNull("image")
                    ? Optional.of(ctx.readTreeAsValue(n.get("image"), ImageRef.class)) : Optional.empty();
            List<TokenChange> values = List.of(new TokenChange.OnLayer(layer),
                    new TokenChange.Position(n.path("x").asDouble(), n.path("y").asDouble()),
                    new TokenChange.Size(n.path("width").asDouble(), n.path("height").asDouble()),
                    new TokenChange.Rotation(n.path("rotation").asDouble()),
                    new TokenChange.Name(n.path("name").asText()), new TokenChange.Image(image),
                    new TokenChange.Owners(owners),
                    new TokenChange.Combatant(n.hasNonNull("combatantId")
                            ? Optional.of(n.get("combatantId").asText()) : Optional.empty()),
                    new TokenChange.Hidden(n.path("hidden").asBoolean()),
                    new TokenChange.Locked(n.path("locked").asBoolean()));
            Map<TokenProperty, Lww<TokenChange>> registers = new EnumMap<>(TokenProperty.class);
            for (TokenChange value : values) {
                JsonNode stamp = n.path("stamps").path(key(value.property()));
                Hlc at = stamp.isObject() ? ctx.readTreeAsValue(stamp, Hlc.class) : Hlc.ZERO;
                registers.put(value.property(), new Lww<>(value, at));
            }
            return new Token(n.get("id").asText(), registers);
        }
    }

    private static String key(TokenProperty property) {
        return property.name().toLowerCase(Locale.ROOT);
    }
}
