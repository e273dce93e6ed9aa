package dev.hearth.server.images;

import java.util.zip.CRC32;

/**
 * A PNG's size from its first chunk, which the format requires to be IHDR: signature (8 bytes),
 * then length 13, "IHDR", width and height (big-endian, at most 2^31 - 1), five one-byte fields, and
 * the chunk's CRC, checked so that a damaged header is not believed.
 */
final class PngHeader {

    private static final String SIGNATURE = "\u0089PNG\r\n\u001a\n";
    /** Signature, length, type, 13 bytes of data, CRC. */
    private static final int HEADER_LENGTH = 8 + 4 + 4 + 13 + 4;

    private PngHeader() {}

    static boolean matches(HeaderBytes b) {
        return b.matches(0, SIGNATURE);
    }

    static ProbeResult read(HeaderBytes b) {
        if (!b.has(0, HEADER_LENGTH)) {
            return malformed("the header is cut short");
        }
        if (!b.matches(12, "IHDR")) {
            return malformed("the first chunk is not IHDR");
        }
        if (b.u32be(8) != 13) {
            return malformed("IHDR is " + b.u32be(8) + " bytes long, not 13");
        }
        CRC32 crc = new CRC32();
        crc.update(b.range(12, 29));
        if (crc.getValue() != b.u32be(29)) {
            return malformed("the IHDR checksum does not match");
        }
        long width = b.u32be(16);
        long height = b.u32be(20);
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return malformed("a side is larger than PNG allows");
        }
        return new ProbeResult.Image(ImageType.PNG, (int) width, (int) height);
    }

    private static ProbeResult malformed(String problem) {
        return new ProbeResult.Malformed(ImageType.PNG, problem);
    }
}
