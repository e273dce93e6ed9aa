package dev.hearth.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.http.JsonBody;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP face of {@link Authentication}: {@code /api/auth/*} and {@code /api/me}.
 *
 * <p>Browsers get the refresh token as an HttpOnly, SameSite=Strict cookie scoped to {@code
 * /api/auth}, and the access token in the body (to keep in memory). The endpoints that a cookie
 * authenticates ({@code refresh}, {@code logout}) also require an allowed {@code Origin} and a
 * double-submitted CSRF token: the {@code hearth_csrf} cookie repeated in the {@code X-CSRF-Token}
 * header, which only a page of an allowed origin can read.
 */
public final class AuthEndpoints {

    static final String REFRESH_COOKIE = "hearth_refresh";
    static final String CSRF_COOKIE = "hearth_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Auth bodies are a few short fields; 8 KiB leaves room and bounds the work a request can cause. */
    static final int BODY_LIMIT = 8 * 1024;

    private final Authentication auth;
    private final JsonBody body;
    private final OriginPolicy origins;
    private final RequestAuthentication caller;
    private final RefreshTokens csrfTokens = new RefreshTokens(new java.security.SecureRandom());

    /** {@code caller} authenticates {@code /api/me} and the password and deletion routes. */
    public AuthEndpoints(Authentication auth, RequestAuthentication caller, ObjectMapper json) {
        this.auth = auth;
        this.body = new JsonBody(json, BODY_LIMIT);
        this.origins = new OriginPolicy(auth.settings().allowedOrigins());
        this.caller = caller;
    }

    public void register(Context ctx) {
        foreignOrigin(ctx).ifPresentOrElse(r -> r.sendTo(ctx), () -> read(ctx, Requests.Register.class, r ->
                send(ctx, auth.register(r, ctx.ip()), signedIn -> signIn(ctx, 201, signedIn))));
    }

    public void login(Context ctx) {
        foreignOrigin(ctx).ifPresentOrElse(r -> r.sendTo(ctx), () -> read(ctx, Requests.Login.class, r ->
                send(ctx, auth.login(r, ctx.ip()), signedIn -> signIn(ctx, 200, signedIn))));
    }

    public void refresh(Context ctx) {
        Optional<Refusal> csrf = cookieRequestRefusal(ctx);
        if (csrf.isPresent()) {
            csrf.get().sendTo(ctx);
            return;
        }
        String token = ctx.cookie(REFRESH_COOKIE);
        if (token == null || token.isEmpty()) {
            Refusal.unauthenticated("No refresh cookie: log in.").sendTo(ctx);
            return;
        }
        Outcome<SignedIn> outcome = auth.refresh(token);
        if (outcome instanceof Outcome.Refused<SignedIn>) {
            clearCookies(ctx);
        }
        send(ctx, outcome, signedIn -> signIn(ctx, 200, signedIn));
    }

    public void logout(Context ctx) {
        Optional<Refusal> csrf = cookieRequestRefusal(ctx);
        if (csrf.isPresent()) {
            csrf.get().sendTo(ctx);
            return;
        }
        String token = ctx.cookie(REFRESH_COOKIE);
        if (token != null && !token.isEmpty()) {
            auth.logout(token);
        }
        clearCookies(ctx);
        ctx.status(204);
    }

    public void changePassword(Context ctx) {
        authenticated(ctx, account -> read(ctx, Requests.ChangePassword.class, r ->
                send(ctx, auth.changePassword(account, r, ctx.ip()), a -> {
                    clearCookies(ctx); // every sign-in ended, this one too: the client logs in with the new password
                    ctx.status(204);
                })));
    }

    public void deleteAccount(Context ctx) {
        authenticated(ctx, account -> read(ctx, Requests.DeleteAccount.class, r ->
                send(ctx, auth.delete(account, r, ctx.ip()), a -> {
                    clearCookies(ctx);
                    ctx.status(204);
                })));
    }

    public void me(Context ctx) {
        authenticated(ctx, account -> ctx.header("Cache-Control", "no-store").json(accountJson(account)));
    }

    private void authenticated(Context ctx, Consumer<Account> then) {
        send(ctx, caller.account(ctx), then);
    }

    /** Login and registration set cookies: a foreign page must not sign a browser in to another account. */
    private Optional<Refusal> foreignOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origins.allows(origin, ctx.header("Host"))) {
            return Optional.of(Refusal.forbidden("Requests from the origin " + origin + " are not accepted."));
        }
        return Optional.empty();
    }

    private Optional<Refusal> cookieRequestRefusal(Context ctx) {
        String origin = ctx.header("Origin");
        if (!origins.allows(origin, ctx.header("Host"))) {
            return Optional.of(Refusal.forbidden(origin == null
                    ? "This request needs an Origin header from an allowed page."
                    : "Requests from the origin " + origin + " are not accepted."));
        }
        String cookie = ctx.cookie(CSRF_COOKIE);
        String header = ctx.header(CSRF_HEADER);
        if (cookie == null || header == null || cookie.isEmpty() || !MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Refusal.forbidden("The " + CSRF_HEADER + " header must repeat the " + CSRF_COOKIE
                    + " cookie."));
        }
        return Optional.empty();
    }

    private <T> void read(Context ctx, Class<T> type, Consumer<T> then) {
        switch (body.read(ctx, type)) {
            case JsonBody.Read.Value<T> value -> then.accept(value.value());
            case JsonBody.Read.Refused<T> refused -> refused.refusal().sendTo(ctx);
        }
    }

    private static <T> void send(Context ctx, Outcome<T> outcome, Consumer<T> then) {
        switch (outcome) {
            case Outcome.Done<T> done -> then.accept(done.value());
            case Outcome.Refused<T> refused -> refused.refusal().sendTo(ctx);
        }
    }

    private void signIn(Context ctx, int status, SignedIn signedIn) {
        long refreshSeconds = auth.settings().refreshTokenTtl().toSeconds();
        String csrf = csrfTokens.newToken();
        addCookie(ctx, REFRESH_COOKIE, signedIn.refreshToken(), "/api/auth", refreshSeconds, true);
        // Path / and readable by scripts: the page must be able to copy it into the header.
        addCookie(ctx, CSRF_COOKIE, csrf, "/", refreshSeconds, false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accessToken", signedIn.accessToken());
        json.put("tokenType", "Bearer");
        json.put("expiresIn", auth.settings().accessTokenTtl().toSeconds());
        json.put("csrfToken", csrf);
        json.put("account", accountJson(signedIn.account()));
        ctx.status(status).header("Cache-Control", "no-store").json(json);
    }

    private static Map<String, Object> accountJson(Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id());
        json.put("username", account.username());
        json.put("displayName", account.displayName());
        json.put("createdAt", account.createdAt().toString());
        return json;
    }

    private void clearCookies(Context ctx) {
        addCookie(ctx, REFRESH_COOKIE, "", "/api/auth", 0, true);
        addCookie(ctx, CSRF_COOKIE, "", "/", 0, false);
    }

    private void addCookie(Context ctx, String name, String value, String path, long maxAge, boolean httpOnly) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + (httpOnly ? "; HttpOnly" : "") + (auth.settings().cookieSecure() ? "; Secure" : "")
                + "; SameSite=Strict");
    }
}
