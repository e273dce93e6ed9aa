package dev.hearth.server.local;

import dev.hearth.server.auth.RequestAuthentication;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import io.javalin.http.Context;

/**
 * Local mode's answer to "who is this request": always the local user, with no token. Safe only
 * because local mode listens on loopback alone, which {@code app} enforces before it starts.
 *
 * <p>A request that sends {@code Authorization} anyway is refused rather than ignored: local mode
 * issues no tokens, so such a client was set up for another server, and acting on its request as
 * the local GM would hide that mistake.
 */
public final class LocalAuthentication implements RequestAuthentication {

    private final Account user;

    public LocalAuthentication(Account user) {
        this.user = user;
    }

    @Override
    public Outcome<Account> account(Context ctx) {
        if (ctx.header("Authorization") != null) {
            return Outcome.refused(Refusal.unauthenticated("This Hearth runs in local mode and issues no tokens:"
                    + " send requests without an Authorization header."));
        }
        return Outcome.done(user);
    }

    /** The answer of every route that registers, signs in or out, or changes or deletes an account. */
    public void refuseAccountRoute(Context ctx) {
        Refusal.notInLocalMode("This Hearth runs in local mode: there is no login and no account to change;"
                + " every request is the local user.").sendTo(ctx);
    }
}
