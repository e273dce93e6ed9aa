package dev.hearth.server.images;

/**
 * A WebP's size from its RIFF container: "RIFF", a little-endian size (of what follows it, which
 * must be there), "WEBP", then the first chunk, which says the encoding:
 * <ul>
 *   <li>{@code VP8 } (lossy): a 3-byte frame tag (a key frame: its lowest bit 0), the start code
 *       {@code 9D 01 2A}, then 14-bit width and height (the top two bits of each are scaling);
 *   <li>{@code VP8L} (lossless): the signature byte {@code 2F}, then 32 bits: width - 1 (14 bits),
 *       height - 1 (14 bits), alpha (1), version (3, must be 0);
 *   <li>{@code VP8X} (extended): flags (1 byte), reserved (3), then canvas width - 1 and height - 1
 *       (24 bits each, little-endian).
 * </ul>
 */
final class WebpHeader {

    /** "RIFF", size, "WEBP", chunk type, chunk size. */
    private static final int CHUNK_DATA = 20;

    private WebpHeader() {}

    static boolean matches(HeaderBytes b) {
        return b.matches(0, "RIFF") && b.matches(8, "WEBP");
    }

    static ProbeResult read(HeaderBytes b) {
        if (!b.has(0, CHUNK_DATA)) {
            return malformed("the header is cut short");
        }
        long riffSize = b.u32le(4);
        if (riffSize < CHUNK_DATA - 8) {
            return malformed("the RIFF size is too small for a chunk");
        }
        if (!b.has(8, riffSize)) {
            return malformed("the RIFF size claims more bytes than were sent");
        }
        long chunkSize = b.u32le(16);
        if (chunkSize > riffSize - (CHUNK_DATA - 8)) {
            return malformed("the first chunk is larger than the file");
        }
        if (b.matches(12, "VP8 ")) {
            return lossy(b, chunkSize);
        }
        if (b.matches(12, "VP8L")) {
            return lossless(b, chunkSize);
        }
        if (b.matches(12, "VP8X")) {
            return extended(b, chunkSize);
        }
        return malformed("the first chunk is not VP8, VP8L or VP8X");
    }

    private static ProbeResult lossy(HeaderBytes b, long chunkSize) {
        if (chunkSize < 10) {
            return malformed("the VP8 frame header is cut short");
        }
        if ((b.u8(CHUNK_DATA) & 1) != 0) {
            return malformed("the VP8 frame is not a key frame");
        }
        if (b.u8(CHUNK_DATA + 3) != 0x9D || b.u8(CHUNK_DATA + 4) != 0x01 || b.u8(CHUNK_DATA + 5) != 0x2A) {
            return malformed("the VP8 start code is missing");
        }
        return new ProbeResult.Image(ImageType.WEBP, b.u16le(CHUNK_DATA + 6) & 0x3FFF,
                b.u16le(CHUNK_DATA + 8) & 0x3FFF);
    }

    private static ProbeResult lossless(HeaderBytes b, long chunkSize) {
        if (chunkSize < 5) {
            return malformed("the VP8L header is cut short");
        }
        if (b.u8(CHUNK_DATA) != 0x2F) {
            return malformed("the VP8L signature is missing");
        }
        long bits = b.u32le(CHUNK_DATA + 1);
        if (bits >>> 29 != 0) {
            return malformed("unknown VP8L version " + (bits >>> 29));
        }
        return new ProbeResult.Image(ImageType.WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1);
    }

    private static ProbeResult extended(HeaderBytes b, long chunkSize) {
        if (chunkSize < 10) {
            return malformed("the VP8X header is cut short");
        }
        return new ProbeResult.Image(ImageType.WEBP, b.u24le(CHUNK_DATA + 4) + 1, b.u24le(CHUNK_DATA + 7) + 1);
    }

    private static ProbeResult malformed(String problem) {
        return new ProbeResult.Malformed(ImageType.WEBP, problem);
    }
}
