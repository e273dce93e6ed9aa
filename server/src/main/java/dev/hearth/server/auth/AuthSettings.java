package dev.hearth.server.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How accounts and tokens behave; built by {@code app} from the {@code auth.*} configuration.
 *
 * @param issuer the {@code iss} of access tokens, checked on every one
 * @param audience the {@code aud} of access tokens, checked on every one
 * @param allowedOrigins origins ({@code https://table.example}) whose pages may use the cookie
 *     endpoints; empty means the server's own origin only
 * @param cookieSecure whether cookies carry {@code Secure} (off only for plain-HTTP development on another host)
 * @param registrationsPerIp registrations an IP address may make before each further one waits (30 s, doubling)
 */
public record AuthSettings(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
        List<String> allowedOrigins, boolean cookieSecure, PasswordHashParameters passwordHash, int registrationsPerIp) {

    public AuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(passwordHash, "passwordHash");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (registrationsPerIp < 1) {
            throw new IllegalArgumentException("registrationsPerIp must be at least 1, not " + registrationsPerIp);
        }
    }
}
