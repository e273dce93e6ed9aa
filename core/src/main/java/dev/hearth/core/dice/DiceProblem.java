package dev.hearth.core.dice;

/** Why notation could not be parsed, rolled or analysed: a stable code for each kind of failure. */
public enum DiceProblem {
    /** The text is not dice notation. */
    SYNTAX,
    /** It breaks one of the {@link DiceLimits}. */
    LIMIT,
    /** A division by zero (rolled), or one that some outcome would make (in a distribution). */
    DIVISION_BY_ZERO,
    /** A value beyond the range of a {@code long}. */
    OVERFLOW,
    /** No exact distribution within {@link DiceLimits#maxDistributionWork}, or none this engine can compute. */
    TOO_COMPLEX
}
