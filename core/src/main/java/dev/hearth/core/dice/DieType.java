package dev.hearth.core.dice;

/** What one die shows: 1 to {@code sides}, or -1, 0, +1 for a Fudge die. */
record DieType(int sides, boolean fudge) {

    static final DieType FUDGE = new DieType(3, true);

    static DieType of(int sides) {
        return new DieType(sides, false);
    }

    int lowest() {
        return fudge ? -1 : 1;
    }

    int highest() {
        return fudge ? 1 : sides;
    }

    @Override
    public String toString() {
        return fudge ? "dF" : "d" + sides;
    }
}
