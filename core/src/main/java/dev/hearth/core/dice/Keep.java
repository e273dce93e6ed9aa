package dev.hearth.core.dice;

/** Keep or drop the highest or lowest {@code count} of a pool of dice or group members. */
record Keep(Kind kind, int count) {

    enum Kind {
        KEEP_HIGHEST("kh"), KEEP_LOWEST("kl"), DROP_HIGHEST("dh"), DROP_LOWEST("dl");

        final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Whether the kept ones are the highest; then the kept are a prefix of the pool sorted high to low. */
    boolean fromHighest() {
        return switch (kind) {
            case KEEP_HIGHEST, DROP_LOWEST -> true;
            case KEEP_LOWEST, DROP_HIGHEST -> false;
        };
    }

    /** How many of a pool of {@code size} are kept. */
    int kept(int size) {
        int n = Math.min(count, size);
        return switch (kind) {
            case KEEP_HIGHEST, KEEP_LOWEST -> n;
            case DROP_HIGHEST, DROP_LOWEST -> size - n;
        };
    }

    @Override
    public String toString() {
        return kind.symbol + count;
    }
}
