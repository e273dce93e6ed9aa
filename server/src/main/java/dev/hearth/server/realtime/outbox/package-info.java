/**
 * Each connection's bounded outbound queue and its writer thread: ordered frames in order, a slow
 * consumer closed with 1013, ephemeral updates coalesced in slots and dropped first under pressure.
 */
package dev.hearth.server.realtime.outbox;
