package dev.hearth.core.map;

/** The layers of a scene, bottom to top. */
public enum Layer {
    /** The map itself: background props and terrain tokens, GM-placed. */
    MAP,
    /** Creatures and objects that move. */
    TOKENS,
    /** Everyone's drawings. */
    DRAWINGS,
    /** The GM's own layer: traps, notes, monsters in waiting. Players and spectators never receive it. */
    GM
}
