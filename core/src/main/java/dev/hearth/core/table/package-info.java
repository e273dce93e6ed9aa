/**
 * A game session's table as an event-sourced {@link dev.hearth.core.stream.Domain}: session chat
 * (in character, out of character, emotes, whispers to members or to the GMs, GM announcements)
 * and who is seated. Whispers are visible only to their participants, so the server never sends
 * them to anyone else.
 */
package dev.hearth.core.table;
