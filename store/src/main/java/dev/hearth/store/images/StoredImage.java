package dev.hearth.store.images;

import java.util.Objects;

/**
 * A stored image with its bytes. Records compare arrays by identity: compare {@code bytes} with
 * {@link java.util.Arrays#equals(byte[], byte[])}.
 */
public record StoredImage(ImageInfo info, byte[] bytes) {

    public StoredImage {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(bytes, "bytes");
    }
}
