/**
 * A user's inbox as an event-sourced {@link dev.hearth.core.stream.Domain}: notifications (whispers,
 * announcements, system messages) and how far the user has read, hence the unread count.
 */
package dev.hearth.core.inbox;
