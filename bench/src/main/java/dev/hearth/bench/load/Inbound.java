package dev.hearth.bench.load;

/**
 * A frame the generator received, classified by scanning its text rather than parsing it: at
 * 100,000 frames a second the generator must cost far less than what it measures. Only welcomes are
 * parsed as JSON. Both targets send frames this reads: Hearth its own, the relay the clients' frames
 * as they were sent.
 */
sealed interface Inbound {

    /**
     * A chat line or dice roll the generator sent: who sent it, its number, when it was meant to be
     * sent, and its {@code seq} (-1 from the relay).
     */
    record Chat(int client, long number, long sentNanos, long seq) implements Inbound {}

    /** Another durable event (someone arrived or left). */
    record Event(long seq) implements Inbound {}

    /** The answer to a command. */
    record Ack(String re, long seq) implements Inbound {}

    /** Cursor positions; each carries the time it was meant to be sent. */
    record Cursors(long[] sentNanos, int[] clients) implements Inbound {}

    record Welcome(String frame) implements Inbound {}

    /** A refusal; {@code retryAfterMillis} is 0 unless the server asked for a retry later (E004, E008). */
    record Error(String code, String re, long retryAfterMillis) implements Inbound {}

    /** Anything else: presence, heartbeats. */
    record Other() implements Inbound {}

    Other OTHER = new Other();

    /** Classifies one frame; {@code originNanos} is the run's clock origin the markers count from. */
    static Inbound read(String frame, long originNanos) {
        String type = string(frame, "\"type\":\"");
        if (type == null) {
            return OTHER;
        }
        return switch (type) {
            case "chat.posted", "chat.post", "dice.rolled", "dice.roll" -> chat(frame, originNanos);
            case "ack" -> new Ack(string(frame, "\"re\":\""), topLevelSeq(frame));
            case "cursor_moves", "cursor_move" -> cursors(frame, originNanos);
            case "welcome" -> new Welcome(frame);
            case "error" -> new Error(string(frame, "\"code\":\""), string(frame, "\"re\":\""), retryAfter(frame));
            default -> frame.startsWith("{\"id\":\"ev:") ? new Event(topLevelSeq(frame)) : OTHER;
        };
    }

    private static Inbound chat(String frame, long originNanos) {
        int open = frame.indexOf(ChatMarker.OPEN);
        if (open < 0) {
            return frame.startsWith("{\"id\":\"ev:") ? new Event(topLevelSeq(frame)) : OTHER;
        }
        ChatMarker m = ChatMarker.parse(frame, open);
        return new Chat(m.client(), m.number(), originNanos + m.sentMicros() * 1000, topLevelSeq(frame));
    }

    /** Hearth merges cursors into {@code cursors: [{userId, x, y}]}; x is the send time in microseconds, y the client. */
    private static Inbound cursors(String frame, long originNanos) {
        int count = 0;
        for (int i = frame.indexOf("\"x\":"); i >= 0; i = frame.indexOf("\"x\":", i + 4)) {
            count++;
        }
        long[] sent = new long[count];
        int[] clients = new int[count];
        int at = 0;
        for (int i = frame.indexOf("\"x\":"); i >= 0 && at < count; i = frame.indexOf("\"x\":", i + 4)) {
            sent[at] = originNanos + (long) number(frame, i + 4) * 1000;
            int y = frame.indexOf("\"y\":", i);
            clients[at] = y < 0 ? -1 : (int) number(frame, y + 4);
            at++;
        }
        return new Cursors(sent, clients);
    }

    private static long retryAfter(String frame) {
        int millis = frame.indexOf("\"retryAfterMillis\":");
        if (millis >= 0) {
            return (long) number(frame, millis + 19);
        }
        int seconds = frame.indexOf("\"retryAfter\":");
        return seconds < 0 ? 0 : (long) (number(frame, seconds + 13) * 1000);
    }

    /** The event's own {@code seq}: the last one in the frame, after the payload. -1 when absent. */
    private static long topLevelSeq(String frame) {
        int i = frame.lastIndexOf("\"seq\":");
        return i < 0 ? -1 : (long) number(frame, i + 6);
    }

    private static String string(String frame, String key) {
        int i = frame.indexOf(key);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }

    /** A JSON number starting at {@code from}; Hearth writes large doubles in exponent form. */
    private static double number(String frame, int from) {
        int end = from;
        while (end < frame.length() && "-+.eE0123456789".indexOf(frame.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(frame.substring(from, end));
    }
}
