package dev.hearth.core.inbox;

import java.util.Objects;
import java.util.Optional;

/**
 * A message for one user, wherever they are: a whisper at a table, an announcement.
 *
 * @param from the user it came from, empty for the system
 * @param sessionId the game session it came from, if any, so that the client can open it
 */
public record Notification(NotificationKind kind, String title, String body, Optional<String> from,
        Optional<String> campaignId, Optional<String> sessionId) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 4000;

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(sessionId, "sessionId");
        title = clip(title, MAX_TITLE);
        body = clip(body, MAX_BODY);
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        // Never cut a surrogate pair in half: a lone surrogate is not text and encodes as '?'.
        int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, end) + "…";
    }
}
