package dev.hearth.server.realtime.table;

import dev.hearth.core.access.Role;

/**
 * One device at the table: a connection (or a long-polling client) of a user.
 *
 * @param expiresAtNanos for clients without a connection (long-poll), when the presence lapses
 *     unless renewed; {@link Long#MAX_VALUE} for connections, which leave by closing
 */
record Device(String key, String userId, String displayName, Role role, String deviceId, String transport,
        PresenceStatus status, long expiresAtNanos) {

    Device withStatus(PresenceStatus next) {
        return new Device(key, userId, displayName, role, deviceId, transport, next, expiresAtNanos);
    }
}
