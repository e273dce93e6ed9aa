package dev.hearth.server.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Images for tests: real PNG and JPEG files encoded by {@code javax.imageio}, and headers built by
 * hand where no encoder is at hand (WebP) or a real file would be absurd (a 100000x100000 PNG).
 */
public final class SampleImages {

    private SampleImages() {}

    /** A real PNG, a gradient so it is not all one colour. */
    public static byte[] png(int width, int height) {
        return encode("png", width, height, BufferedImage.TYPE_INT_ARGB);
    }

    /** A real baseline JPEG. */
    public static byte[] jpeg(int width, int height) {
        return encode("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] encode(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color((x * 255) / width, (y * 255) / height, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PNG signature, an IHDR chunk claiming this size (with a correct CRC) and IEND: no pixels. */
    public static byte[] pngHeader(long width, long height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.put(chunk("IHDR", ByteBuffer.allocate(13).putInt((int) width).putInt((int) height)
                .put(new byte[] {8, 6, 0, 0, 0}).array()));
        b.put(chunk("IEND", new byte[0]));
        return b.array();
    }

    /** A PNG chunk: length, type, data, CRC of type and data. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** A lossless WebP's container and VP8L header for this size, then a few bytes of bitstream. */
    public static byte[] webpLossless(int width, int height) {
        long bits = (width - 1L) | (height - 1L) << 14 | 1L << 28; // alpha used, version 0
        ByteBuffer data = le(5 + 8).put((byte) 0x2F).putInt((int) bits).put(new byte[8]);
        return riff(riffChunk("VP8L", data.array()));
    }

    /** An extended WebP: a VP8X chunk with this canvas size, then a VP8L image of the same size. */
    public static byte[] webpExtended(int width, int height) {
        ByteBuffer vp8x = le(10).put((byte) 0x10).put(new byte[3]);
        put24(vp8x, width - 1);
        put24(vp8x, height - 1);
        byte[] lossless = webpLossless(width, height);
        byte[] image = Arrays.copyOfRange(lossless, 12, lossless.length);
        return riff(concat(riffChunk("VP8X", vp8x.array()), image));
    }

    /** A lossy WebP's container and VP8 key-frame header for this size (scale bits set, to be ignored). */
    public static byte[] webpLossy(int width, int height) {
        ByteBuffer data = le(10 + 6).put(new byte[] {0x50, 0x01, 0x00}).put(new byte[] {(byte) 0x9D, 0x01, 0x2A})
                .putShort((short) (width | 1 << 14)).putShort((short) (height | 2 << 14)).put(new byte[6]);
        return riff(riffChunk("VP8 ", data.array()));
    }

    /** "RIFF", the size of what follows, "WEBP", and the chunks. */
    public static byte[] riff(byte[] chunks) {
        return le(12 + chunks.length).put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunks).array();
    }

    /** A RIFF chunk: type, little-endian size, data, a pad byte if the size is odd. */
    public static byte[] riffChunk(String type, byte[] data) {
        int padded = data.length + (data.length & 1);
        return le(8 + padded).put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
