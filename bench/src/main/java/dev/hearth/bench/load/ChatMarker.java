package dev.hearth.bench.load;

/**
 * What the generator writes into each chat line (and each dice roll's label) so every receiver can tell whose line it is, which
 * one, and when it was meant to be sent: {@code ~client.number.micros~}, micros counted from the
 * run's clock origin. The rest of the line is filler to a realistic length.
 */
record ChatMarker(int client, long number, long sentMicros) {

    static final char OPEN = '~';
    private static final String FILLER = " The goblin lunges from the shadows; roll for initiative, everyone!";

    String text() {
        return label() + FILLER;
    }

    /** The marker alone: a dice roll's label. */
    String label() {
        return OPEN + Integer.toString(client) + '.' + number + '.' + sentMicros + OPEN;
    }

    /** Reads the marker whose opening {@code ~} is at {@code open}. */
    static ChatMarker parse(String s, int open) {
        int a = s.indexOf('.', open);
        int b = s.indexOf('.', a + 1);
        int close = s.indexOf(OPEN, b + 1);
        return new ChatMarker(Integer.parseInt(s, open + 1, a, 10), Long.parseLong(s, a + 1, b, 10),
                Long.parseLong(s, b + 1, close, 10));
    }
}
