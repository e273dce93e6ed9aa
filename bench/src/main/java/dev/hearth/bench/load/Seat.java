package dev.hearth.bench.load;

/**
 * One simulated person at one table: the account (none for the relay) and the room.
 *
 * @param user the person's number in the population
 * @param token the access token (empty for the relay)
 * @param room the table's number in the population
 * @param roomId the session id (Hearth) or room name (relay)
 */
record Seat(int user, String userId, String token, int room, String roomId) {}
