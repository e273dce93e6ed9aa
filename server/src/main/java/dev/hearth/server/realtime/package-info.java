/**
 * The real-time engine (docs/protocol.md): {@link dev.hearth.server.realtime.Realtime} holds every
 * stream actor, live table and open connection; {@link dev.hearth.server.realtime.Connection} runs
 * the protocol for one client, and a {@link dev.hearth.server.realtime.Channel} (table, inbox,
 * system) decides who may join and carries out its commands, requests and ephemeral messages.
 */
package dev.hearth.server.realtime;
