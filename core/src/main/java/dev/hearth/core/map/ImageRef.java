package dev.hearth.core.map;

import java.util.Objects;

/**
 * An uploaded image, by the hash of its content (the server stores and checks the bytes; the core
 * only names them) and its size in pixels.
 *
 * @param hash opaque to the core: 1-128 characters of letters, digits, {@code :}, {@code _} and {@code -}
 */
public record ImageRef(String hash, int width, int height) {

    public ImageRef {
        Objects.requireNonNull(hash, "hash");
    }
}
