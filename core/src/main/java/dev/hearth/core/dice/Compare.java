package dev.hearth.core.dice;

import java.util.Objects;

/** A compare point such as {@code >=5}: which faces explode, reroll, succeed or fail. */
record Compare(Relation relation, long value) {

    enum Relation {
        EQUAL("="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

        final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }
    }

    Compare {
        Objects.requireNonNull(relation, "relation");
    }

    static Compare equal(long value) {
        return new Compare(Relation.EQUAL, value);
    }

    boolean matches(long x) {
        return switch (relation) {
            case EQUAL -> x == value;
            case GREATER -> x > value;
            case GREATER_OR_EQUAL -> x >= value;
            case LESS -> x < value;
            case LESS_OR_EQUAL -> x <= value;
        };
    }

    /** Whether every face from {@code lowest} to {@code highest} matches: an explosion or reroll that never stops. */
    boolean matchesAll(long lowest, long highest) {
        for (long face = lowest; face <= highest; face++) {
            if (!matches(face)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return relation.symbol + value;
    }
}
