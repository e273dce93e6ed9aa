package dev.hearth.server.http;

/**
 * Every error code Hearth sends, on every transport: the one documented list (docs/operations.md).
 *
 * <p>E001-E005 are the protocol codes of the architecture; the rest are what the HTTP edge answers
 * today. Codes are stable: a client may switch on them, so a code is never reused for another meaning.
 */
public enum ErrorCode {
    /** The connection could not be set up or was lost. */
    E001("connection failed"),
    /** Authentication failed or is missing. */
    E002("auth failed"),
    /** A request or message exceeds a size limit. */
    E003("message too large"),
    /** Too many requests; {@code retryAfter} says when to try again. */
    E004("rate limited"),
    /** The game session does not exist or may not be used. */
    E005("invalid session"),
    /** No resource at this path. */
    E006("not found"),
    /** The request is malformed or not allowed as sent. */
    E007("bad request"),
    /** Hearth cannot serve this now (the store is unreachable or overloaded); retrying later may work. */
    E008("unavailable"),
    /** A bug or an unexpected failure in Hearth; the log has the details. */
    E009("internal error"),
    /** The name asked for belongs to someone else already (a username at registration). */
    E010("name taken"),
    /** Authenticated, and a member, but the role (or lack of ownership, or a ban) does not allow this. */
    E011("not permitted"),
    /**
     * The change breaks a rule of the campaign as it is now (the owner stays a GM; it changed
     * meanwhile; its images' quota), or would leave a campaign without its owner (deleting an
     * owner's account).
     */
    E012("conflict"),
    /** The invite code is unknown, expired, used up or revoked. */
    E013("invite unusable"),
    /** Hearth runs in local mode: there are no accounts to register, sign in to, change or delete. */
    E014("not in local mode"),
    /** A real-time message id was used before for a different message: resend it with a new id. */
    E015("message id reused");

    private final String meaning;

    ErrorCode(String meaning) {
        this.meaning = meaning;
    }

    /** A few words saying what the code means, for documentation and logs. */
    public String meaning() {
        return meaning;
    }

    /** The code for an HTTP status that has no more specific cause. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401, 403 -> E002;
            case 404, 410 -> E006;
            case 413, 414, 431 -> E003;
            case 429 -> E004;
            case 503 -> E008;
            default -> status >= 500 ? E009 : E007;
        };
    }
}
