package dev.hearth.app.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL event store lives, read from {@code db.url} in either of the forms people
 * copy around: {@code postgresql://user:password@host:5432/database?sslmode=require} (also {@code
 * postgres://}) or {@code jdbc:postgresql://host:5432/database?user=u&password=p}.
 *
 * <p>Credentials are taken out of the URL, so {@link #jdbcUrl()} can be logged and {@link
 * #toString()} never shows the password.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://} URL without user or password
 * @param user the user named in the URL, if any
 * @param password the password given in the URL, if any
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    /** What {@code db.url} accepts, for messages. */
    public static final String FORMS =
            "empty (the embedded SQLite file) or a PostgreSQL URL: postgresql://user:password@host:5432/database"
                    + " or jdbc:postgresql://host:5432/database";

    private static final Pattern URL = Pattern.compile(
            "(?<scheme>jdbc:postgresql|postgresql|postgres)://(?:(?<userinfo>[^@/?#]*)@)?(?<hosts>[^@/?#]+)"
                    + "(?<path>/[^?#]*)?(?:\\?(?<query>[^#]*))?");

    /** The password in {@code user:password@} and in a {@code password=} parameter, for masking. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:@/?#]*:)[^@/?#]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("((?:[?&;])password=)[^&#]*", Pattern.CASE_INSENSITIVE);

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads a PostgreSQL URL.
     *
     * @throws IllegalArgumentException if it is not one of the accepted forms
     */
    public static DatabaseUrl parse(String text) {
        Matcher m = URL.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL URL");
        }
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        String userinfo = m.group("userinfo");
        if (userinfo != null && !userinfo.isEmpty()) {
            int colon = userinfo.indexOf(':');
            String name = colon < 0 ? userinfo : userinfo.substring(0, colon);
            if (!name.isEmpty()) {
                user = Optional.of(decodeUserinfo(name));
            }
            if (colon >= 0) {
                password = Optional.of(new Secret(decodeUserinfo(userinfo.substring(colon + 1))));
            }
        }
        List<String> kept = new ArrayList<>();
        String query = m.group("query");
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                int eq = parameter.indexOf('=');
                String name = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equalsIgnoreCase("user")) {
                    user = Optional.of(value);
                } else if (name.equalsIgnoreCase("password")) {
                    password = Optional.of(new Secret(value));
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        String path = m.group("path") == null ? "/" : m.group("path");
        String jdbcUrl = "jdbc:postgresql://" + m.group("hosts") + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    /** {@code text} with any password in it replaced by {@value Secret#MASK}; for URLs that may not even parse. */
    public static String mask(String text) {
        String masked = USERINFO_PASSWORD.matcher(text).replaceAll("$1" + Secret.MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Secret.MASK);
    }

    /** Percent-decoding where, unlike in a query, {@code +} is a plus sign. */
    private static String decodeUserinfo(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + user.map(u -> " as " + u).orElse("");
    }
}
