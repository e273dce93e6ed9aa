package dev.hearth.core.dice;

import java.util.Objects;

/**
 * Parsed dice notation, ready to roll or to analyse: the expression, how many times to roll it, and
 * the label after {@code #} (empty if none). {@link #toString()} is its canonical notation, which
 * parses back to the same expression.
 */
public final class Expression {

    private final Node root;
    private final int repeats;
    private final String label;

    Expression(Node root, int repeats, String label) {
        this.root = Objects.requireNonNull(root, "root");
        this.label = Objects.requireNonNull(label, "label");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be positive, was " + repeats);
        }
        this.repeats = repeats;
    }

    Node root() {
        return root;
    }

    /** How many times it is rolled: 6 for {@code 6 x 4d6dl1}, else 1. */
    public int repeats() {
        return repeats;
    }

    /** The text after {@code #}, trimmed; empty if there was none. */
    public String label() {
        return label;
    }

    /** The canonical notation without repeats or label, e.g. {@code 1d20+5}. */
    public String notation() {
        return Notation.render(root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression e && e.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The canonical notation in full, e.g. {@code 6 x 4d6dl1 # stats}. */
    @Override
    public String toString() {
        return (repeats > 1 ? repeats + " x " : "") + notation() + (label.isEmpty() ? "" : " # " + label);
    }
}
