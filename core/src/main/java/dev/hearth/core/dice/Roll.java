package dev.hearth.core.dice;

import java.util.List;
import java.util.Objects;

/**
 * One roll of an expression.
 *
 * @param total the result
 * @param terms every dice pool and group, in the order they were rolled (a group's own dice before
 *     the group)
 * @param breakdown the expression with each term replaced by what it rolled, e.g. {@code [17]+5}
 */
public record Roll(long total, List<Term> terms, String breakdown) {

    public Roll {
        terms = List.copyOf(terms);
        Objects.requireNonNull(breakdown, "breakdown");
    }

    /** E.g. {@code [17]+5 = 22}. */
    public String text() {
        return breakdown + " = " + total;
    }
}
