package dev.hearth.core.dice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed form of dice notation. {@code position} is where the node starts in the notation
 * (0-based), so errors found while rolling can point at their cause.
 */
sealed interface Node {

    int position();

    /** A whole number written in the notation. */
    record Constant(int position, long value) implements Node {}

    /** {@code count} dice of one type and what is done to them. */
    record Dice(int position, int count, DieType type, DiceModifiers modifiers) implements Node {
        public Dice {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(modifiers, "modifiers");
        }
    }

    /** {@code {a, b, ...}}: sub-expressions rolled together, their totals kept, dropped or counted like dice. */
    record Group(int position, List<Node> members, Optional<Keep> keep, Optional<Counting> counting) implements Node {
        public Group {
            members = List.copyOf(members);
        }
    }

    record Binary(int position, Operator operator, Node left, Node right) implements Node {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Negate(int position, Node operand) implements Node {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
