/**
 * The ephemeral side of a live table, never stored: who is present on which devices with what
 * status, cursors flushed every 16 ms, typing and drawing previews, and when a member's arrival
 * or leaving is recorded.
 */
package dev.hearth.server.realtime.table;
