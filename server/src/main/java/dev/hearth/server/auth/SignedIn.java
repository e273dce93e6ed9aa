package dev.hearth.server.auth;

import dev.hearth.store.accounts.Account;

/** A login, registration or refresh that succeeded: the tokens to hand out. */
record SignedIn(Account account, String accessToken, String refreshToken) {}
