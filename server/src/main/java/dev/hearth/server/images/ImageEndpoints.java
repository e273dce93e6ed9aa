package dev.hearth.server.images;

import dev.hearth.server.auth.RequestAuthentication;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.images.ImageInfo;
import dev.hearth.store.images.StoredImage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP face of {@link Images}: {@code POST /api/sessions/{id}/images} with the raw bytes as the
 * body, and {@code GET /api/sessions/{id}/images/{hash}}, which serves them.
 */
public final class ImageEndpoints {

    /** An image's bytes never change under its hash, so a client may keep it as long as it likes. */
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private final Images images;
    private final RequestAuthentication caller;

    public ImageEndpoints(Images images, RequestAuthentication caller) {
        this.images = images;
        this.caller = caller;
    }

    /**
     * {@code POST /api/sessions/{id}/images}: 201 with the image's record if stored now, 200 if the
     * campaign had it. The caller and the Content-Type are checked before a byte of the body is read.
     */
    public void upload(Context ctx) {
        authenticated(ctx, me -> send(ctx, images.permit(me, ctx.pathParam("id")), permit -> {
            Optional<ImageType> declared = ImageType.byContentType(ctx.header("Content-Type"));
            if (declared.isEmpty()) {
                Refusal.invalid("Content-Type", "Send the image's bytes as the body with Content-Type image/png,"
                        + " image/jpeg or image/webp.").sendTo(ctx);
                return;
            }
            Optional<byte[]> body = body(ctx);
            if (body.isEmpty()) {
                Refusal.tooLarge(Images.MAX_BYTES).sendTo(ctx);
                return;
            }
            send(ctx, images.upload(permit, declared.get(), body.get()), uploaded -> {
                String path = "/api/sessions/" + ctx.pathParam("id") + "/images/" + uploaded.info().hash();
                if (uploaded.created()) {
                    ctx.status(201).header("Location", path);
                }
                ctx.json(json(uploaded.info()));
            });
        }));
    }

    /**
     * {@code GET /api/sessions/{id}/images/{hash}}: the bytes as they were uploaded. A client that has
     * them (its {@code If-None-Match} names the hash) gets 304 without them being read.
     */
    public void read(Context ctx) {
        authenticated(ctx, me -> {
            String sessionId = ctx.pathParam("id");
            String hash = ctx.pathParam("hash");
            if (names(ctx.header("If-None-Match"), etag(hash))) {
                send(ctx, images.info(me, sessionId, hash), info -> cacheHeaders(ctx, info).status(304));
                return;
            }
            send(ctx, images.read(me, sessionId, hash), (StoredImage image) -> cacheHeaders(ctx, image.info())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(image.info().mediaType())
                    .result(image.bytes()));
        });
    }

    /**
     * The body, or empty if it is larger than {@link Images#MAX_BYTES}: refused from Content-Length
     * before reading when that says so, else by counting what arrives (a chunked body declares
     * nothing), never holding more than one byte over the limit.
     */
    private static Optional<byte[]> body(Context ctx) {
        if (ctx.req().getContentLengthLong() > Images.MAX_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(Images.MAX_BYTES + 1);
            return bytes.length > Images.MAX_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Context cacheHeaders(Context ctx, ImageInfo info) {
        return ctx.header("ETag", etag(info.hash())).header("Cache-Control", CACHE_CONTROL);
    }

    /** A strong validator: the hash is of the bytes themselves. */
    private static String etag(String hash) {
        return "\"" + hash + "\"";
    }

    /** True if an {@code If-None-Match} header lists {@code etag} (weak or strong) or is {@code *}. */
    static boolean names(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> json(ImageInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hash", info.hash());
        json.put("width", info.width());
        json.put("height", info.height());
        json.put("mediaType", info.mediaType());
        json.put("size", info.size());
        return json;
    }

    private void authenticated(Context ctx, Consumer<Account> then) {
        switch (caller.account(ctx)) {
            case Outcome.Done<Account> d -> then.accept(d.value());
            case Outcome.Refused<Account> r -> r.refusal().sendTo(ctx);
        }
    }

    private static <T> void send(Context ctx, Outcome<T> outcome, Consumer<T> onDone) {
        switch (outcome) {
            case Outcome.Done<T> d -> onDone.accept(d.value());
            case Outcome.Refused<T> r -> r.refusal().sendTo(ctx);
        }
    }
}
