package dev.hearth.store.images;

import java.time.Instant;
import java.util.Objects;

/**
 * An image to store: its bytes, checked already by the caller (type and dimensions), and the hash
 * of those bytes. Made by {@link #of}, so the hash always is the bytes' {@link ImageHash}.
 *
 * <p>The array is the caller's and is not copied (it may be 10 MB); it must not change afterwards.
 */
public record NewImage(String campaignId, String hash, String mediaType, int width, int height, byte[] bytes,
        String createdBy, Instant createdAt) {

    public NewImage {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!ImageHash.isWellFormed(hash)) {
            throw new IllegalArgumentException("not an image hash: " + hash);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image is at least 1x1 pixels, was " + width + "x" + height);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an image has bytes");
        }
    }

    /** The image with these bytes, under their hash. */
    public static NewImage of(String campaignId, String mediaType, int width, int height, byte[] bytes,
            String createdBy, Instant createdAt) {
        return new NewImage(campaignId, ImageHash.of(bytes), mediaType, width, height, bytes, createdBy, createdAt);
    }

    public long size() {
        return bytes.length;
    }

    /** What it will be known as once stored. */
    public ImageInfo info() {
        return new ImageInfo(campaignId, hash, mediaType, width, height, size(), createdBy, createdAt);
    }
}
