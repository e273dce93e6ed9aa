-- Campaigns, their members, bans, invites and game sessions: relational records beside the event
-- log, like accounts. account_id columns have no foreign key to accounts: SQLite does not enforce
-- foreign keys here, and the two engines must behave alike (lists join accounts, so the rows of a
-- deleted account are not shown).
CREATE TABLE campaigns (
    campaign_id TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    -- Always a GM member of the campaign (the store keeps it so).
    owner_id    TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    -- Bumped by every membership change: the row lock it takes serialises changes of one campaign.
    version     BIGINT NOT NULL
);

CREATE TABLE campaign_members (
    campaign_id TEXT    NOT NULL REFERENCES campaigns (campaign_id),
    account_id  TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('gm', 'player', 'spectator')),
    joined_at   BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, account_id)
);
CREATE INDEX campaign_members_by_account ON campaign_members (account_id);

-- A banned account cannot join again by invite.
CREATE TABLE campaign_bans (
    campaign_id TEXT    NOT NULL REFERENCES campaigns (campaign_id),
    account_id  TEXT    NOT NULL,
    banned_at   BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, account_id)
);

-- Invite codes are stored only as SHA-256 hashes; the code itself is shown once, when created.
CREATE TABLE campaign_invites (
    invite_id   TEXT    NOT NULL PRIMARY KEY,
    campaign_id TEXT    NOT NULL REFERENCES campaigns (campaign_id),
    code_hash   TEXT    NOT NULL UNIQUE,
    role        TEXT    NOT NULL CHECK (role IN ('gm', 'player', 'spectator')),
    created_by  TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    max_uses    INTEGER NOT NULL,
    uses        INTEGER NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX campaign_invites_by_campaign ON campaign_invites (campaign_id);

-- The game sessions of a campaign; session_id is the event log's session id.
CREATE TABLE game_sessions (
    session_id  TEXT    NOT NULL PRIMARY KEY,
    campaign_id TEXT    NOT NULL REFERENCES campaigns (campaign_id),
    name        TEXT    NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX game_sessions_by_campaign ON game_sessions (campaign_id);
