package dev.hearth.store.images;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a stored image, without its bytes.
 *
 * @param hash its {@link ImageHash}
 * @param mediaType the type its bytes are, as checked before storing ({@code image/png}, ...)
 * @param size its length in bytes
 * @param createdBy the account that first stored it in this campaign
 */
public record ImageInfo(String campaignId, String hash, String mediaType, int width, int height, long size,
        String createdBy, Instant createdAt) {

    public ImageInfo {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
