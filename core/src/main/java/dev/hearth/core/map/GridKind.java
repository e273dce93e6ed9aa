package dev.hearth.core.map;

/** The shape of a scene's grid cells. */
public enum GridKind {
    SQUARE,
    HEX
}
