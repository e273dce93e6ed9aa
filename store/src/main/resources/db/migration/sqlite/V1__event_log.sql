-- One row per game session: where its log ends. The writer reads and moves it inside each batch.
CREATE TABLE sessions (
    session_id  TEXT    NOT NULL PRIMARY KEY,
    epoch       TEXT    NOT NULL,
    latest_seq  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- The log. Clustered on (session_id, seq), so reading a session's tail is one range scan.
CREATE TABLE events (
    session_id    TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    type          TEXT    NOT NULL,
    payload       BLOB    NOT NULL,
    client_msg_id TEXT,
    recorded_at   INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

-- What each client message appended, so a retried message answers its first outcome.
CREATE TABLE client_messages (
    session_id    TEXT    NOT NULL,
    client_msg_id TEXT    NOT NULL,
    first_seq     INTEGER NOT NULL,
    last_seq      INTEGER NOT NULL,
    PRIMARY KEY (session_id, client_msg_id)
) WITHOUT ROWID;

-- Snapshots can be large, so they live in an ordinary rowid table (large rows do not suit WITHOUT ROWID).
CREATE TABLE snapshots (
    session_id TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    state      BLOB    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (session_id, seq)
);
