/**
 * Each kind of stream on the wire and in the log: event types and payloads, command decoding with
 * errors naming the field, snapshots, and the view a subscriber gets in its welcome.
 */
package dev.hearth.server.realtime.codec;
