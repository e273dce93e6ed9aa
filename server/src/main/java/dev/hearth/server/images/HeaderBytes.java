package dev.hearth.server.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked reads of an image's header. Readers ask {@link #has} before they read, so a
 * truncated header is an answer, never an exception.
 */
final class HeaderBytes {

    private final byte[] bytes;

    HeaderBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    /** True if {@code count} bytes from {@code offset} are there (no overflow for large values). */
    boolean has(long offset, long count) {
        return offset >= 0 && count >= 0 && offset + count <= bytes.length;
    }

    /** True if the bytes at {@code offset} are {@code ascii}'s. */
    boolean matches(int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (!has(offset, expected.length)) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    int u8(int offset) {
        return bytes[offset] & 0xFF;
    }

    int u16be(int offset) {
        return u8(offset) << 8 | u8(offset + 1);
    }

    int u16le(int offset) {
        return u8(offset) | u8(offset + 1) << 8;
    }

    int u24le(int offset) {
        return u8(offset) | u8(offset + 1) << 8 | u8(offset + 2) << 16;
    }

    long u32be(int offset) {
        return (long) u16be(offset) << 16 | u16be(offset + 2);
    }

    long u32le(int offset) {
        return u16le(offset) | (long) u16le(offset + 2) << 16;
    }

    /** The bytes in {@code [from, to)}, for checksums. */
    byte[] range(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
