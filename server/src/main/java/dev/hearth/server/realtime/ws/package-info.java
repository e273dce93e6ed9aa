/**
 * The WebSocket transport: the three endpoints, the Origin and ticket checks at the upgrade, and
 * the sink that writes an outbox to a Jetty session. Everything after the upgrade is the protocol.
 */
package dev.hearth.server.realtime.ws;
