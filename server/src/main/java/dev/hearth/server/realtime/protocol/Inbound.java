package dev.hearth.server.realtime.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client message that passed the envelope checks: an id (the client's, for replies and
 * idempotency), a type, a JSON object payload, and a digest of type and payload.
 */
public record Inbound(String id, String type, ObjectNode payload, String digest, int bytes) {}
