package dev.hearth.core.table;

/** A chat line as the table remembers it: the event and where it is in the log. */
public record ChatLine(long seq, TableEvent.ChatPosted posted) {}
