package dev.hearth.core.dice;

/** Reroll faces matching {@code when}: again and again ({@code r}), or once ({@code ro}). */
record Reroll(boolean once, Compare when) {

    String render(DieType type, boolean explicit) {
        String symbol = once ? "ro" : "r";
        return !explicit && when.equals(Compare.equal(type.lowest())) ? symbol : symbol + when;
    }
}
