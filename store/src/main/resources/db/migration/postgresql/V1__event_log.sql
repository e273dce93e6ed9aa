-- One row per game session: where its log ends. Writers lock it (FOR UPDATE) while they append.
CREATE TABLE sessions (
    session_id  TEXT   NOT NULL PRIMARY KEY,
    epoch       TEXT   NOT NULL,
    latest_seq  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- The log. The primary key is the arbiter of order between nodes: no two events share a (session, seq).
CREATE TABLE events (
    session_id    TEXT   NOT NULL,
    seq           BIGINT NOT NULL,
    type          TEXT   NOT NULL,
    payload       BYTEA  NOT NULL,
    client_msg_id TEXT,
    recorded_at   BIGINT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- What each client message appended, so a retried message answers its first outcome.
CREATE TABLE client_messages (
    session_id    TEXT   NOT NULL,
    client_msg_id TEXT   NOT NULL,
    first_seq     BIGINT NOT NULL,
    last_seq      BIGINT NOT NULL,
    PRIMARY KEY (session_id, client_msg_id)
);

CREATE TABLE snapshots (
    session_id TEXT   NOT NULL,
    seq        BIGINT NOT NULL,
    state      BYTEA  NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
