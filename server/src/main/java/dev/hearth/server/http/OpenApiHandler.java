package dev.hearth.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.json}: the hand-written OpenAPI 3.1 document of the API (docs/api.md in prose). */
public final class OpenApiHandler implements Handler {

    static final String RESOURCE = "/dev/hearth/server/openapi.json";
    private final byte[] document;

    public OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server's jar");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
