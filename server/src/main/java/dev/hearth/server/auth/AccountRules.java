package dev.hearth.server.auth;

import dev.hearth.server.http.Refusal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a username, a display name and a password must be. Checked at registration and password
 * change; login checks nothing but size, so that a login reveals nothing about the rules an existing
 * account met.
 */
final class AccountRules {

    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 32;
    static final int DISPLAY_NAME_MAX = 64;
    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 256;

    // ASCII only, checked before lower-casing: "\u212A" (Kelvin sign) would otherwise become "k".
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{" + USERNAME_MIN + "," + USERNAME_MAX + "}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private AccountRules() {}

    static Optional<Refusal> username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(Refusal.invalid("username", "A username is " + USERNAME_MIN + "-" + USERNAME_MAX
                    + " characters: letters a-z, digits, '_', '.' and '-'."));
        }
        return Optional.empty();
    }

    static Optional<Refusal> displayName(String displayName) {
        if (displayName == null || displayName.isBlank()
                || displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_MAX
                || CONTROL.matcher(displayName).find()) {
            return Optional.of(Refusal.invalid("displayName", "A display name is 1-" + DISPLAY_NAME_MAX
                    + " characters, not only spaces, without control characters."));
        }
        return Optional.empty();
    }

    static Optional<Refusal> password(String field, String password) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            return Optional.of(Refusal.invalid(field, "A password is " + PASSWORD_MIN + "-" + PASSWORD_MAX
                    + " characters."));
        }
        return Optional.empty();
    }
}
