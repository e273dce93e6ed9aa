package dev.hearth.bench.store;

import dev.hearth.store.GroupCommitSettings;

/**
 * One cell of the matrix: an engine, a number of concurrently writing sessions, and a group-commit mode.
 *
 * @param pipeline appends each session keeps in flight (1 = wait for each ack before the next)
 */
record Scenario(Database database, int sessions, GroupCommit groupCommit, GroupCommitSettings settings, int pipeline) {

    String label() {
        return database.id() + ", " + sessions + (sessions == 1 ? " session" : " sessions")
                + ", group commit " + groupCommit.id() + (pipeline > 1 ? ", pipeline " + pipeline : "");
    }
}
