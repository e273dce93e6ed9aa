package dev.hearth.store.images;

import static dev.hearth.store.jdbc.Transactions.update;

import dev.hearth.store.jdbc.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link ImageStore} on the event store's database (same pool, same Flyway history). Every
 * method is one short transaction.
 *
 * <p>The quota is one conditional {@code UPDATE} of the campaign's row in {@code
 * campaign_image_usage}: it adds the size only if the sum stays within the quota. On PostgreSQL
 * the row lock it takes makes a concurrent put of the same campaign wait and then re-check the
 * condition against the committed sum; SQLite serialises all writers anyway. The image is inserted
 * after that, so a put that loses a race for the same bytes finds them on insert, rolls back its
 * count and answers {@link PutResult.AlreadyStored}.
 */
public final class JdbcImageStore implements ImageStore {

    private static final String INFO_COLUMNS = "campaign_id, hash, media_type, width, height, size, created_by, created_at";

    private final Transactions tx;

    /** Uses, but does not own, the pool behind {@code tx}; its schema must be migrated. */
    public JdbcImageStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public PutResult put(NewImage image, long quotaBytes) {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("a quota is at least 0 bytes, was " + quotaBytes);
        }
        String campaignId = image.campaignId();
        return tx.run("store an image", c -> {
            Optional<ImageInfo> existing = info(c, campaignId, image.hash());
            if (existing.isPresent()) {
                return new PutResult.AlreadyStored(existing.get());
            }
            if (!exists(c, "SELECT 1 FROM campaigns WHERE campaign_id = ?", campaignId)) {
                return new PutResult.NoSuchCampaign();
            }
            update(c, "INSERT INTO campaign_image_usage (campaign_id, used_bytes) VALUES (?, 0)"
                    + " ON CONFLICT (campaign_id) DO NOTHING", campaignId);
            int counted = update(c, "UPDATE campaign_image_usage SET used_bytes = used_bytes + ?"
                    + " WHERE campaign_id = ? AND used_bytes + ? <= ?", image.size(), campaignId, image.size(), quotaBytes);
            if (counted == 0) {
                c.rollback();
                return notCounted(c, image, quotaBytes);
            }
            int inserted = update(c, "INSERT INTO campaign_images (" + INFO_COLUMNS + ", bytes)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, hash) DO NOTHING",
                    campaignId, image.hash(), image.mediaType(), image.width(), image.height(), image.size(),
                    image.createdBy(), image.createdAt().toEpochMilli(), image.bytes());
            if (inserted == 0) {
                // A concurrent put committed the same bytes after our first look (PostgreSQL only).
                c.rollback();
                return new PutResult.AlreadyStored(info(c, campaignId, image.hash()).orElseThrow());
            }
            return new PutResult.Stored(image.info());
        });
    }

    /**
     * Why the size could not be counted, read after the rollback: what a concurrent put or a
     * deletion committed meanwhile decides between "stored already", "gone" and "over quota".
     */
    private static PutResult notCounted(Connection c, NewImage image, long quotaBytes) throws SQLException {
        Optional<ImageInfo> raced = info(c, image.campaignId(), image.hash());
        if (raced.isPresent()) {
            return new PutResult.AlreadyStored(raced.get());
        }
        if (!exists(c, "SELECT 1 FROM campaigns WHERE campaign_id = ?", image.campaignId())) {
            return new PutResult.NoSuchCampaign();
        }
        return new PutResult.OverQuota(usedBytes(c, image.campaignId()), quotaBytes);
    }

    @Override
    public Optional<ImageInfo> info(String campaignId, String hash) {
        return tx.read("find an image", c -> info(c, campaignId, hash));
    }

    @Override
    public Optional<StoredImage> find(String campaignId, String hash) {
        return tx.read("read an image", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO_COLUMNS + ", bytes FROM campaign_images"
                    + " WHERE campaign_id = ? AND hash = ?")) {
                ps.setString(1, campaignId);
                ps.setString(2, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredImage(info(rs), rs.getBytes(9))) : Optional.<StoredImage>empty();
                }
            }
        });
    }

    @Override
    public long usedBytes(String campaignId) {
        return tx.read("read a campaign's image usage", c -> usedBytes(c, campaignId));
    }

    private static long usedBytes(Connection c, String campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT used_bytes FROM campaign_image_usage WHERE campaign_id = ?")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Optional<ImageInfo> info(Connection c, String campaignId, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO_COLUMNS + " FROM campaign_images"
                + " WHERE campaign_id = ? AND hash = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ImageInfo info(ResultSet rs) throws SQLException {
        return new ImageInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getLong(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }
}
