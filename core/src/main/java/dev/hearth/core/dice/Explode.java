package dev.hearth.core.dice;

/**
 * Roll another die when a face matches {@code when}. A plain explosion adds the new die to the pool;
 * a compounding one adds its face to the die that exploded; a penetrating one adds a die counting one
 * less than it shows.
 */
record Explode(Kind kind, Compare when) {

    enum Kind {
        PLAIN("!"), COMPOUNDING("!!"), PENETRATING("!p");

        final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    String render(DieType type, boolean explicit) {
        return !explicit && when.equals(Compare.equal(type.highest())) ? kind.symbol : kind.symbol + when;
    }
}
