package dev.hearth.core.map;

/**
 * The properties of a token, each its own last-writer-wins register. Position (x and y) and size
 * (width and height) are one register each: they change together, and a move should never end
 * with one writer's x and another's y.
 */
public enum TokenProperty {
    LAYER(false),
    POSITION(true),
    SIZE(false),
    ROTATION(true),
    NAME(false),
    IMAGE(false),
    OWNERS(false),
    COMBATANT(false),
    HIDDEN(false),
    LOCKED(false);

    private final boolean players;

    TokenProperty(boolean players) {
        this.players = players;
    }

    /** True if a player may change it on a token they own (move and rotate); the rest are the GM's. */
    public boolean players() {
        return players;
    }
}
