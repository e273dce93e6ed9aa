package dev.hearth.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /.well-known/jwks.json}: the public keys that verify access tokens, for other services. */
public final class JwksHandler implements Handler {

    private final SigningKeyRing keys;

    public JwksHandler(SigningKeyRing keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        // Short caching: a verifier must see a rotated key well within one access-token lifetime.
        ctx.header("Cache-Control", "public, max-age=300")
                .contentType("application/jwk-set+json")
                .result(keys.publicKeys().toString(true));
    }
}
