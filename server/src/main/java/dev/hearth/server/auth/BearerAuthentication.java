package dev.hearth.server.auth;

import java.util.Optional;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import io.javalin.http.Context;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token: the account, or a 401
 * refusal (with {@code WWW-Authenticate} set on the response). The one place that reads the header,
 * for {@link AuthEndpoints} and for the endpoints of other packages.
 */
public final class BearerAuthentication implements RequestAuthentication {

    private final Authentication auth;

    public BearerAuthentication(Authentication auth) {
        this.auth = auth;
    }

    @Override
    public Outcome<Account> account(Context ctx) {
        return answer(ctx, token(ctx).map(auth::authenticate).orElseGet(BearerAuthentication::missing));
    }

    /** The identity with its sign-in and expiry, for requests that open or feed long-lived connections. */
    public Outcome<Identity> identity(Context ctx) {
        return answer(ctx, token(ctx).map(auth::identify).orElseGet(BearerAuthentication::missing));
    }

    private static Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static <T> Outcome<T> missing() {
        return Outcome.refused(Refusal.unauthenticated("This request needs 'Authorization: Bearer <access token>'."));
    }

    private static <T> Outcome<T> answer(Context ctx, Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T>) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return outcome;
    }
}
