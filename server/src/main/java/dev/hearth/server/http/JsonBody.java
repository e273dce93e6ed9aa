package dev.hearth.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a JSON request body strictly and within a size limit: an unknown field, a trailing token or
 * a wrong type is a {@link Refusal}, never a silently ignored or defaulted value.
 */
public final class JsonBody {

    private final ObjectMapper json;
    private final int limitBytes;

    public JsonBody(ObjectMapper json, int limitBytes) {
        this.json = json;
        this.limitBytes = limitBytes;
    }

    /** What reading a body gave: the value, or why it was refused. */
    public sealed interface Read<T> {
        record Value<T>(T value) implements Read<T> {}

        record Refused<T>(Refusal refusal) implements Read<T> {}
    }

    public <T> Read<T> read(Context ctx, Class<T> type) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limitBytes) {
            return new Read.Refused<>(Refusal.tooLarge(limitBytes));
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(limitBytes + 1); // a chunked body may lie about nothing: count what arrives
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > limitBytes) {
            return new Read.Refused<>(Refusal.tooLarge(limitBytes));
        }
        if (body.length == 0) {
            return new Read.Refused<>(Refusal.badRequest("The request needs a JSON object as its body."));
        }
        ObjectReader reader = json.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return new Read.Value<>(reader.readValue(body));
        } catch (UnrecognizedPropertyException e) {
            return new Read.Refused<>(Refusal.invalid(e.getPropertyName(),
                    "Unknown field '" + e.getPropertyName() + "'; expected only " + e.getKnownPropertyIds() + "."));
        } catch (JacksonException e) {
            return new Read.Refused<>(Refusal.badRequest("The body is not the JSON object this request takes: "
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed") + "."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
