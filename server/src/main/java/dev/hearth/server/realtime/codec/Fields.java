package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.util.Optional;

/** Reading command payload fields strictly: a wrong type is an error naming the field, never a silent default. */
final class Fields {

    private Fields() {}

    static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isTextual()) {
            throw new CommandFormatException(field, "'" + field + "' is required and must be a string.");
        }
        return node.asText();
    }

    static Optional<String> optionalText(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new CommandFormatException(field, "'" + field + "' must be a string.");
        }
        return Optional.of(node.asText());
    }

    static long integer(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new CommandFormatException(field, "'" + field + "' is required and must be an integer.");
        }
        return node.asLong();
    }
}
