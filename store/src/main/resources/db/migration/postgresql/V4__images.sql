-- Images uploaded to a campaign (map backgrounds, token art), content-addressed: the same bytes
-- are stored once per campaign, under "sha256-" and the hex SHA-256 of their content. The server
-- checked them (type, dimensions) before they got here.
CREATE TABLE campaign_images (
    campaign_id TEXT    NOT NULL REFERENCES campaigns (campaign_id),
    hash        TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    size        BIGINT NOT NULL CHECK (size > 0),
    bytes       BYTEA   NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, hash)
);

-- The bytes a campaign's images take, kept beside them so that one conditional UPDATE enforces the
-- quota; on PostgreSQL its row lock also serialises the uploads of one campaign.
CREATE TABLE campaign_image_usage (
    campaign_id TEXT    NOT NULL PRIMARY KEY REFERENCES campaigns (campaign_id),
    used_bytes  BIGINT NOT NULL CHECK (used_bytes >= 0)
);
