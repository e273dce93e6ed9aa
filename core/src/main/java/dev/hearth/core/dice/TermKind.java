package dev.hearth.core.dice;

/** What a {@link Term} of a roll is. */
public enum TermKind {
    /** A pool of dice, such as {@code 4d6dl1}: its {@code dice} are listed. */
    DICE,
    /** A group, such as {@code {4d6, 3d8}kh1}: its {@code members} are listed. */
    GROUP
}
