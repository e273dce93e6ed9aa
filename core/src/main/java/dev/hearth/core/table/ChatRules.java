package dev.hearth.core.table;

import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Rejection;
import java.util.Optional;
import java.util.TreeSet;

/** What a chat line must be: readable text of bounded length, a valid speaker name, recipients who are members. */
final class ChatRules {

    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 64;
    static final int MAX_RECIPIENTS = 20;

    private ChatRules() {}

    static Optional<Rejection> check(TableCommand.PostChat chat, CommandContext context) {
        if (chat.text().isBlank()) {
            return Optional.of(Rejection.invalid("text", "A chat message needs some text."));
        }
        if (chat.text().codePointCount(0, chat.text().length()) > MAX_TEXT) {
            return Optional.of(Rejection.invalid("text", "A chat message is at most " + MAX_TEXT + " characters."));
        }
        if (hasControl(chat.text(), true)) {
            return Optional.of(Rejection.invalid("text", "A chat message may not contain control characters."));
        }
        if (chat.as().isPresent()) {
            String as = chat.as().get();
            if (chat.kind() != ChatKind.IN_CHARACTER && chat.kind() != ChatKind.EMOTE) {
                return Optional.of(Rejection.invalid("as", "Only in-character lines and emotes speak as someone."));
            }
            if (as.isBlank() || as.codePointCount(0, as.length()) > MAX_NAME || hasControl(as, false)) {
                return Optional.of(Rejection.invalid("as", "A speaker's name is 1-" + MAX_NAME
                        + " characters without control characters."));
            }
        }
        return switch (chat.to()) {
            case Audience.Table table -> Optional.empty();
            case Audience.Gms gms -> chat.kind() == ChatKind.ANNOUNCEMENT ? announcementWhisper() : Optional.empty();
            case Audience.Whisper whisper -> whisper(chat, whisper, context);
        };
    }

    private static Optional<Rejection> whisper(TableCommand.PostChat chat, Audience.Whisper whisper, CommandContext context) {
        if (chat.kind() == ChatKind.ANNOUNCEMENT) {
            return announcementWhisper();
        }
        if (whisper.userIds().isEmpty() || whisper.userIds().size() > MAX_RECIPIENTS) {
            return Optional.of(Rejection.invalid("to", "A whisper goes to 1-" + MAX_RECIPIENTS + " members."));
        }
        if (whisper.userIds().contains(context.caller().userId())) {
            return Optional.of(Rejection.invalid("to", "A whisper goes to someone else."));
        }
        // In id order: a set's own order changes from one JVM to the next, and the answer must not.
        for (String userId : new TreeSet<>(whisper.userIds())) {
            if (context.roster().member(userId).isEmpty()) {
                return Optional.of(new Rejection(Rejection.Kind.INVALID, "Whispers go to members of this campaign;"
                        + " " + userId + " is not one.", java.util.Map.of("field", "to", "userId", userId)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> announcementWhisper() {
        return Optional.of(Rejection.invalid("to", "An announcement is for the whole table, not a whisper."));
    }

    private static boolean hasControl(String s, boolean allowLineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (allowLineBreaks && (c == '\n' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
