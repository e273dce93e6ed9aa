package dev.hearth.core.dice;

/**
 * The work one distribution may take, in elementary steps (one pair of outcomes combined, one
 * state of a dynamic programme visited); past it the expression is refused as too complex. Steps
 * on long numbers cost more: a die that may explode 100 times has weights of hundreds of bits, and
 * counting only steps let such expressions take seconds.
 */
final class Budget {

    private final long limit;
    private long left;

    Budget(long limit) {
        this.limit = limit;
        this.left = limit;
    }

    void spend(long steps) {
        left -= steps;
        if (left < 0) {
            throw new ExactEvaluator.Refusal(DiceProblem.TOO_COMPLEX, -1, "An exact distribution would take more than "
                    + limit + " steps; the limit keeps the server responsive.");
        }
    }

    /** What one multiplication costs, in steps, when its result has {@code bits} bits. */
    static long perProduct(long bits) {
        return 1 + bits / 128;
    }
}
