package dev.hearth.core.dice;

/**
 * Bounds that keep one roll cheap and its record small, each refused with a clear error.
 *
 * @param maxLength the longest notation, in characters
 * @param maxDice dice one roll may throw in all, repeats, rerolls and explosions included; the dice
 *     written in the notation are checked before anything is rolled, the rest as they are rolled
 * @param maxSides the most sides a die may have
 * @param maxChain how many times one die may explode, and how many times it may be rerolled; the
 *     chain stops there and the last face stands (so {@code Distribution} can be exact about it)
 * @param maxRepeats the most repetitions in {@code N x ...}
 * @param maxInlineRolls the most {@code [[...]]} rolls one chat message may hold
 * @param maxDistributionWork the most elementary steps {@code Distribution} may spend before it
 *     refuses an expression as too complex
 */
public record DiceLimits(int maxLength, int maxDice, int maxSides, int maxChain, int maxRepeats,
        int maxInlineRolls, long maxDistributionWork) {

    public static final DiceLimits DEFAULT = new DiceLimits(500, 1000, 10_000, 100, 20, 10, 3_000_000);

    public DiceLimits {
        require(maxLength, "maxLength");
        require(maxDice, "maxDice");
        require(maxSides, "maxSides");
        require(maxChain, "maxChain");
        require(maxRepeats, "maxRepeats");
        require(maxInlineRolls, "maxInlineRolls");
        if (maxDistributionWork < 1) {
            throw new IllegalArgumentException("maxDistributionWork must be positive, was " + maxDistributionWork);
        }
    }

    private static void require(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
