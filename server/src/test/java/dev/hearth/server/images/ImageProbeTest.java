package dev.hearth.server.images;

import static dev.hearth.server.images.SampleImages.concat;
import static dev.hearth.server.images.SampleImages.pngHeader;
import static dev.hearth.server.images.SampleImages.riff;
import static dev.hearth.server.images.SampleImages.riffChunk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each format's header read right, and every way a header can lie or be cut short refused. */
class ImageProbeTest {

    final ImageProbe probe = new ImageProbe();

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void real_png_and_jpeg_files_give_their_type_and_size() {
        assertThat(probe.probe(SampleImages.png(3, 2))).isEqualTo(new ProbeResult.Image(ImageType.PNG, 3, 2));
        assertThat(probe.probe(SampleImages.jpeg(5, 4))).isEqualTo(new ProbeResult.Image(ImageType.JPEG, 5, 4));
    }

    @Test
    void webp_gives_its_size_from_each_kind_of_first_chunk() {
        assertThat(probe.probe(SampleImages.webpLossless(300, 200))).isEqualTo(new ProbeResult.Image(ImageType.WEBP, 300, 200));
        assertThat(probe.probe(SampleImages.webpExtended(4000, 3000))).isEqualTo(new ProbeResult.Image(ImageType.WEBP, 4000, 3000));
        assertThat(probe.probe(SampleImages.webpLossy(30, 20))).isEqualTo(new ProbeResult.Image(ImageType.WEBP, 30, 20));
        assertThat(probe.probe(SampleImages.webpLossless(1, 1))).isEqualTo(new ProbeResult.Image(ImageType.WEBP, 1, 1));
    }

    @Test
    void what_no_image_starts_like_is_not_an_image() {
        assertThat(probe.probe(new byte[0])).isEqualTo(new ProbeResult.NotAnImage());
        assertThat(probe.probe("hello, this is text".getBytes(StandardCharsets.UTF_8))).isEqualTo(new ProbeResult.NotAnImage());
        assertThat(probe.probe("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(new ProbeResult.NotAnImage());
        byte[] wave = SampleImages.webpLossless(2, 2);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wave, 8, 4);
        assertThat(probe.probe(wave)).isEqualTo(new ProbeResult.NotAnImage());
        assertThat(probe.probe(bytes(0xFF, 0xD8))).isEqualTo(new ProbeResult.NotAnImage());
    }

    @Test
    void the_pixel_limits_refuse_a_long_side_and_a_large_area_however_small_the_file() {
        assertThat(probe.probe(pngHeader(100_000, 100_000)))
                .isEqualTo(new ProbeResult.TooManyPixels(ImageType.PNG, 100_000, 100_000));
        assertThat(probe.probe(pngHeader(16_385, 1))).isInstanceOf(ProbeResult.TooManyPixels.class);
        assertThat(probe.probe(pngHeader(16_384, 1))).isEqualTo(new ProbeResult.Image(ImageType.PNG, 16_384, 1));
        assertThat(probe.probe(pngHeader(10_000, 10_000))).isEqualTo(new ProbeResult.Image(ImageType.PNG, 10_000, 10_000));
        assertThat(probe.probe(pngHeader(10_001, 10_000))).isInstanceOf(ProbeResult.TooManyPixels.class);
        assertThat(probe.probe(SampleImages.webpExtended(1 << 24, 1 << 24)))
                .isEqualTo(new ProbeResult.TooManyPixels(ImageType.WEBP, 1 << 24, 1 << 24));
        assertThat(probe.probe(SampleImages.webpLossless(16_384, 16_384))).isInstanceOf(ProbeResult.TooManyPixels.class);
    }

    @Test
    void a_png_header_that_is_cut_short_damaged_or_claims_no_pixels_is_malformed() {
        byte[] good = pngHeader(64, 64);
        assertThat(probe.probe(Arrays.copyOf(good, 8))).isInstanceOf(ProbeResult.Malformed.class);
        assertThat(probe.probe(Arrays.copyOf(good, 32))).isInstanceOf(ProbeResult.Malformed.class);
        assertThat(probe.probe(Arrays.copyOf(good, 33))).isEqualTo(new ProbeResult.Image(ImageType.PNG, 64, 64));

        byte[] badCrc = good.clone();
        badCrc[29] ^= 1;
        assertThat(probe.probe(badCrc)).isInstanceOf(ProbeResult.Malformed.class);

        byte[] longIhdr = concat(Arrays.copyOf(good, 8), SampleImages.chunk("IHDR", new byte[14]));
        assertThat(probe.probe(longIhdr)).isEqualTo(new ProbeResult.Malformed(ImageType.PNG, "IHDR is 14 bytes long, not 13"));

        byte[] notFirst = concat(Arrays.copyOf(good, 8), SampleImages.chunk("tEXt", new byte[13]));
        assertThat(probe.probe(notFirst)).isEqualTo(new ProbeResult.Malformed(ImageType.PNG, "the first chunk is not IHDR"));

        assertThat(probe.probe(pngHeader(0, 10))).isInstanceOf(ProbeResult.Malformed.class);
        assertThat(probe.probe(pngHeader(0x8000_0000L, 1)))
                .isEqualTo(new ProbeResult.Malformed(ImageType.PNG, "a side is larger than PNG allows"));
    }

    @Test
    void a_jpeg_is_walked_past_other_segments_fill_bytes_and_restart_markers_to_its_frame_header() {
        byte[] jpeg = concat(bytes(0xFF, 0xD8),
                bytes(0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F'), // APP0
                bytes(0xFF, 0xFF, 0xFF, 0xFE, 0x00, 0x04, 'h', 'i'), // COM after fill bytes
                bytes(0xFF, 0xD0), // RST0: no length
                bytes(0xFF, 0xC4, 0x00, 0x08, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55), // DHT: not a frame, whatever it holds
                bytes(0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03)); // SOF2: 480 high, 640 wide
        assertThat(probe.probe(concat(jpeg, new byte[9]))).isEqualTo(new ProbeResult.Image(ImageType.JPEG, 640, 480));
    }

    @Test
    void each_kind_of_jpeg_frame_counts_and_the_look_alikes_do_not() {
        for (int marker : new int[] {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}) {
            byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, marker, 0x00, 0x08, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01);
            assertThat(probe.probe(jpeg)).as("SOF %02X", marker).isEqualTo(new ProbeResult.Image(ImageType.JPEG, 3, 2));
        }
        for (int marker : new int[] {0xC4, 0xC8, 0xCC}) {
            byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, marker, 0x00, 0x08, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01);
            assertThat(probe.probe(jpeg)).as("%02X", marker).isInstanceOf(ProbeResult.Malformed.class);
        }
    }

    @Test
    void a_jpeg_without_a_readable_frame_header_is_malformed() {
        byte[] scanFirst = bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0, 0, 0, 0, 0, 0);
        assertThat(probe.probe(scanFirst)).isEqualTo(new ProbeResult.Malformed(ImageType.JPEG, "no frame header before marker 0xDA"));
        assertThat(probe.probe(bytes(0xFF, 0xD8, 0xFF, 0xD9))).isInstanceOf(ProbeResult.Malformed.class);
        byte[] cutFrame = bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0);
        assertThat(probe.probe(cutFrame)).isEqualTo(new ProbeResult.Malformed(ImageType.JPEG, "the frame header is cut short"));
        byte[] cutSegment = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F');
        assertThat(probe.probe(cutSegment)).isInstanceOf(ProbeResult.Malformed.class);
        byte[] zeroLength = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0);
        assertThat(probe.probe(zeroLength)).isInstanceOf(ProbeResult.Malformed.class);
        byte[] garbage = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x12, 0x34);
        assertThat(probe.probe(garbage)).isEqualTo(new ProbeResult.Malformed(ImageType.JPEG, "expected a marker at byte 6"));
        byte[] zeroHeight = bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x08, 0x08, 0x00, 0x00, 0x00, 0x03, 0x01);
        assertThat(probe.probe(zeroHeight)).isInstanceOf(ProbeResult.Malformed.class);
        assertThat(probe.probe(Arrays.copyOf(SampleImages.jpeg(8, 8), 40))).isInstanceOf(ProbeResult.Malformed.class);
    }

    @Test
    void a_webp_whose_container_or_first_chunk_lies_is_malformed() {
        byte[] good = SampleImages.webpLossless(10, 10);
        assertThat(probe.probe(Arrays.copyOf(good, good.length - 1)))
                .isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "the RIFF size claims more bytes than were sent"));
        assertThat(probe.probe(Arrays.copyOf(good, 16))).isInstanceOf(ProbeResult.Malformed.class);

        byte[] bigChunk = good.clone();
        bigChunk[16] = (byte) 0xFF;
        assertThat(probe.probe(bigChunk)).isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "the first chunk is larger than the file"));

        byte[] noSignature = good.clone();
        noSignature[20] = 0x2E;
        assertThat(probe.probe(noSignature)).isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "the VP8L signature is missing"));

        byte[] version = good.clone();
        version[24] |= (byte) 0x20;
        assertThat(probe.probe(version)).isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "unknown VP8L version 1"));

        byte[] interFrame = SampleImages.webpLossy(4, 4);
        interFrame[20] |= 1;
        assertThat(probe.probe(interFrame)).isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "the VP8 frame is not a key frame"));

        byte[] noStartCode = SampleImages.webpLossy(4, 4);
        noStartCode[23] = 0;
        assertThat(probe.probe(noStartCode)).isEqualTo(new ProbeResult.Malformed(ImageType.WEBP, "the VP8 start code is missing"));

        assertThat(probe.probe(SampleImages.webpLossy(0, 4))).isInstanceOf(ProbeResult.Malformed.class);
        assertThat(probe.probe(riff(riffChunk("VP8X", new byte[6])))).isEqualTo(
                new ProbeResult.Malformed(ImageType.WEBP, "the VP8X header is cut short"));
        assertThat(probe.probe(riff(riffChunk("ALPH", new byte[10])))).isEqualTo(
                new ProbeResult.Malformed(ImageType.WEBP, "the first chunk is not VP8, VP8L or VP8X"));
    }

    @Test
    void content_types_name_image_types_ignoring_case_and_parameters() {
        assertThat(ImageType.byContentType("image/png")).contains(ImageType.PNG);
        assertThat(ImageType.byContentType("Image/JPEG; charset=binary")).contains(ImageType.JPEG);
        assertThat(ImageType.byContentType(" image/webp ")).contains(ImageType.WEBP);
        assertThat(ImageType.byContentType("image/gif")).isEmpty();
        assertThat(ImageType.byContentType("image/svg+xml")).isEmpty();
        assertThat(ImageType.byContentType(null)).isEmpty();
    }
}
