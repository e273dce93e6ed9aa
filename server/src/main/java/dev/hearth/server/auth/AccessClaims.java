package dev.hearth.server.auth;

import java.time.Instant;

/** What a verified access token says: who, in which sign-in, until when. */
public record AccessClaims(String accountId, String signInId, Instant expiresAt) {}
