/**
 * The shape every event-sourced stream shares: a {@link dev.hearth.core.stream.Domain} decides
 * commands into events or a {@link dev.hearth.core.stream.Rejection}, applies events to an
 * immutable state, and says each event's {@link dev.hearth.core.stream.Visibility}. The server's
 * hub runs all of them with one single-writer loop.
 */
package dev.hearth.core.stream;
