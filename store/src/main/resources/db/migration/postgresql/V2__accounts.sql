-- Accounts live beside the event log but not in it: they are mutable records (a password changes,
-- an account is deleted for good), not session history.
CREATE TABLE accounts (
    account_id          TEXT    NOT NULL PRIMARY KEY,
    username            TEXT    NOT NULL,
    -- The lower-cased username: its uniqueness makes usernames unique case-insensitively.
    username_key        TEXT    NOT NULL UNIQUE,
    display_name        TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,
    created_at          BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

-- One row per login on one device; its refresh tokens form a family. Revoking it ends the family.
CREATE TABLE sign_ins (
    sign_in_id  TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (account_id),
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX sign_ins_by_account ON sign_ins (account_id);

-- Refresh tokens, stored only as SHA-256 hashes. replaced_at is set when the token was rotated:
-- presenting it again is reuse, and revokes its sign-in.
CREATE TABLE refresh_tokens (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    sign_in_id  TEXT    NOT NULL REFERENCES sign_ins (sign_in_id),
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    replaced_at BIGINT
);
CREATE INDEX refresh_tokens_by_sign_in ON refresh_tokens (sign_in_id);
