/**
 * The wire format: the envelope every server frame is written in ({@link
 * dev.hearth.server.realtime.protocol.Frames}), the checks on every client frame (size, JSON,
 * envelope), the message type names, and the per-connection rate limiter.
 */
package dev.hearth.server.realtime.protocol;
