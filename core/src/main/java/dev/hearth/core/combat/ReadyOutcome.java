package dev.hearth.core.combat;

/** How a readied action ended: its trigger came and it was taken, or it lapsed. */
public enum ReadyOutcome {
    USED, EXPIRED
}
