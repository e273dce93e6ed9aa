package dev.hearth.core.map;

/** What a fog operation does to its area. */
public enum FogMode {
    REVEAL,
    HIDE
}
