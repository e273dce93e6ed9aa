package dev.hearth.server.images;

/**
 * A JPEG's size from its frame header: after SOI, walk the marker segments (each {@code FF}, a
 * marker byte, and a big-endian length that counts itself) to the first SOFn, whose payload is
 * precision, height, width. Markers without a length (RSTn, TEM) are stepped over; reaching a scan
 * (SOS) or the end (EOI) first means there is no frame header to read.
 */
final class JpegHeader {

    private JpegHeader() {}

    static boolean matches(HeaderBytes b) {
        return b.has(0, 3) && b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF;
    }

    static ProbeResult read(HeaderBytes b) {
        // Each turn moves forward by at least two bytes, so the walk ends within the body.
        int pos = 2;
        while (true) {
            if (!b.has(pos, 1)) {
                return malformed("the header ends before a frame header");
            }
            if (b.u8(pos) != 0xFF) {
                return malformed("expected a marker at byte " + pos);
            }
            while (b.has(pos, 1) && b.u8(pos) == 0xFF) {
                pos++; // fill bytes may pad any marker
            }
            if (!b.has(pos, 1)) {
                return malformed("the header ends before a frame header");
            }
            int marker = b.u8(pos++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0x00 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
                return malformed(String.format("no frame header before marker 0x%02X", marker));
            }
            if (!b.has(pos, 2)) {
                return malformed("the header ends inside a segment");
            }
            int length = b.u16be(pos);
            if (length < 2) {
                return malformed("a segment claims a length of " + length);
            }
            if (isStartOfFrame(marker)) {
                // length, precision (1), height (2), width (2), components (1): the whole segment must be there.
                if (length < 8 || !b.has(pos, length)) {
                    return malformed("the frame header is cut short");
                }
                return new ProbeResult.Image(ImageType.JPEG, b.u16be(pos + 5), b.u16be(pos + 3));
            }
            pos += length;
        }
    }

    /** SOF0-3, 5-7, 9-11, 13-15; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static ProbeResult malformed(String problem) {
        return new ProbeResult.Malformed(ImageType.JPEG, problem);
    }
}
