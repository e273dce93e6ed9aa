package dev.hearth.server.realtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a client frame before anything acts on it: size (64 KiB), JSON, the envelope's fields.
 * A frame that fails gets one error and changes nothing; the connection stays open.
 */
public final class InboundParser {

    /** The largest frame a client may send, in UTF-8 bytes. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    private final ObjectMapper json;

    public InboundParser(ObjectMapper json) {
        this.json = json;
    }

    /** The message, or the error to answer (with the message's id when it could be read). */
    public Result parse(String text) {
        int bytes = utf8Length(text);
        if (bytes > MAX_FRAME_BYTES) {
            return new Result.Refused(Optional.empty(), new ErrorBody(ErrorCode.E003, "A message is at most "
                    + MAX_FRAME_BYTES + " bytes; this one has " + bytes + ".",
                    Map.of("limitBytes", MAX_FRAME_BYTES), null));
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return refused(Optional.empty(), "The message is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return refused(Optional.empty(), "A message is a JSON object {id, type, payload}.");
        }
        JsonNode id = node.get("id");
        Optional<String> re = id != null && id.isTextual() && ID.matcher(id.asText()).matches()
                ? Optional.of(id.asText()) : Optional.empty();
        if (re.isEmpty()) {
            return refused(Optional.empty(), "A message needs an 'id': 1-64 characters of A-Z a-z 0-9 _ . : -.",
                    "id");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            return refused(re, "A message needs a 'type', such as \"hello\" or \"chat.post\".", "type");
        }
        JsonNode payload = node.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            return refused(re, "A message's 'payload' is a JSON object.", "payload");
        }
        ObjectNode body = payload == null || payload.isNull() ? json.createObjectNode() : (ObjectNode) payload;
        return new Result.Parsed(new Inbound(re.get(), type.asText(), body, digest(type.asText(), body), bytes));
    }

    private String digest(String type, ObjectNode payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(type.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(payload));
            byte[] hash = sha.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result refused(Optional<String> re, String message) {
        return new Result.Refused(re, ErrorBody.of(ErrorCode.E007, message));
    }

    private static Result refused(Optional<String> re, String message, String field) {
        return new Result.Refused(re, new ErrorBody(ErrorCode.E007, message, Map.of("field", field), null));
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public sealed interface Result {
        record Parsed(Inbound message) implements Result {}

        record Refused(Optional<String> re, ErrorBody error) implements Result {}
    }
}
