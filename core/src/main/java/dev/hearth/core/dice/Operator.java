package dev.hearth.core.dice;

/**
 * The arithmetic of dice expressions, on {@code long}s. Plain division rounds toward zero, as Java's
 * does, so {@code -7/2} is -3; {@code floor(...)}, {@code ceil(...)} and {@code round(...)} around a
 * division choose another rounding, and {@code round} takes halves away from zero.
 */
enum Operator {
    ADD("+", 1), SUBTRACT("-", 1), MULTIPLY("*", 2), DIVIDE("/", 2),
    FLOOR_DIVIDE("floor", 4), CEIL_DIVIDE("ceil", 4), ROUND_DIVIDE("round", 4);

    final String symbol;
    /** Binding strength when rendered; the rounding divisions are written as functions, so bind like a number. */
    final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    boolean divides() {
        return switch (this) {
            case ADD, SUBTRACT, MULTIPLY -> false;
            case DIVIDE, FLOOR_DIVIDE, CEIL_DIVIDE, ROUND_DIVIDE -> true;
        };
    }

    /**
     * The result, or an {@link ArithmeticException} on overflow or when dividing by zero; callers
     * check the divisor first to tell the two apart.
     */
    long apply(long a, long b) {
        return switch (this) {
            case ADD -> Math.addExact(a, b);
            case SUBTRACT -> Math.subtractExact(a, b);
            case MULTIPLY -> Math.multiplyExact(a, b);
            case DIVIDE -> Math.divideExact(a, b);
            case FLOOR_DIVIDE -> Math.floorDiv(a, b);
            case CEIL_DIVIDE -> Math.ceilDiv(a, b);
            case ROUND_DIVIDE -> roundHalfAway(a, b);
        };
    }

    private static long roundHalfAway(long a, long b) {
        long q = Math.divideExact(a, b);
        long r = a % b;
        // |r| >= |b| - |r| means the fraction is at least a half; compare without overflow.
        if (r != 0 && Math.abs(r) >= Math.abs(b) - Math.abs(r)) {
            q += (a < 0) == (b < 0) ? 1 : -1;
        }
        return q;
    }
}
