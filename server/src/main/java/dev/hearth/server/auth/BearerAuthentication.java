package dev.hearth.server.auth;

import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import io.javalin.http.Context;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token, for endpoints outside
 * this package: the account, or a 401 refusal (with {@code WWW-Authenticate} set on the response).
 */
public final class BearerAuthentication {

    private final Authentication auth;

    public BearerAuthentication(Authentication auth) {
        this.auth = auth;
    }

    public dev.hearth.server.http.Outcome<Account> account(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Outcome<Account> outcome = token.isEmpty()
                ? Outcome.refused(Refusal.unauthenticated("This request needs 'Authorization: Bearer <access token>'."))
                : auth.authenticate(token);
        return switch (outcome) {
            case Outcome.Done<Account> done -> dev.hearth.server.http.Outcome.done(done.value());
            case Outcome.Refused<Account> refused -> {
                ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                yield dev.hearth.server.http.Outcome.refused(refused.refusal());
            }
        };
    }
}
