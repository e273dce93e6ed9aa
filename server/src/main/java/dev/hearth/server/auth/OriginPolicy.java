package dev.hearth.server.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which page origins may call the cookie-authenticated endpoints. With no allow-list, only the
 * server's own origin: the {@code Origin}'s host and port must be the {@code Host} the browser
 * addressed. A cross-site page cannot forge either header from a browser.
 */
public final class OriginPolicy {

    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
    }

    public boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(normalize(origin));
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host)
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
