/**
 * Game sessions: their identity and positions in their ordered history.
 *
 * <p>Every game session is a single-writer, event-sourced state machine; a {@link
 * dev.hearth.core.session.SessionId} names one and a {@link dev.hearth.core.session.StreamPosition}
 * names a point in its history.
 */
package dev.hearth.core.session;
