package dev.hearth.server.auth;

import dev.hearth.server.http.Outcome;
import io.javalin.http.Context;
import dev.hearth.store.accounts.Account;

/**
 * Who a request is: the account it acts as, or the refusal to send. {@link BearerAuthentication}
 * reads an access token; local mode ({@code dev.hearth.server.local}) is always its one local user.
 * Every endpoint asks this, never the headers itself.
 */
public interface RequestAuthentication {

    Outcome<Account> account(Context ctx);
}
