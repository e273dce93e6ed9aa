package dev.hearth.server.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The probe is total, and a header's size is read back exactly. */
class ImageProbeProperties {

    final ImageProbe probe = new ImageProbe();

    @Property(tries = 2000)
    void any_bytes_give_an_answer_never_an_exception(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(probe.probe(bytes)).isNotNull();
    }

    /** Random bytes behind each format's magic reach the readers' deeper paths, not just the signature check. */
    @Property(tries = 3000)
    void any_bytes_after_an_image_signature_give_a_refusal_or_an_image_within_the_limits(
            @ForAll("signatures") byte[] signature, @ForAll @Size(max = 120) byte[] rest) {
        byte[] bytes = SampleImages.concat(signature, rest);
        switch (probe.probe(bytes)) {
            case ProbeResult.Image image -> {
                assertThat(image.width()).isBetween(1, ImageProbe.MAX_SIDE);
                assertThat(image.height()).isBetween(1, ImageProbe.MAX_SIDE);
                assertThat((long) image.width() * image.height()).isLessThanOrEqualTo(ImageProbe.MAX_PIXELS);
            }
            case ProbeResult.NotAnImage n -> { }
            case ProbeResult.Malformed m -> assertThat(m.problem()).isNotBlank();
            case ProbeResult.TooManyPixels t -> { }
        }
    }

    @Property(tries = 3000)
    void a_damaged_real_file_gives_an_answer_never_an_exception(@ForAll("damaged") byte[] bytes) {
        assertThat(probe.probe(bytes)).isNotNull();
    }

    @Property
    void every_header_reports_the_size_it_was_built_with(@ForAll @IntRange(min = 1, max = 16_384) int width,
            @ForAll @IntRange(min = 1, max = 16_384) int height) {
        boolean fits = (long) width * height <= ImageProbe.MAX_PIXELS;
        List<byte[]> headers = new ArrayList<>(List.of(SampleImages.pngHeader(width, height),
                SampleImages.webpLossless(width, height), SampleImages.webpExtended(width, height)));
        if (width < 1 << 14 && height < 1 << 14) {
            headers.add(SampleImages.webpLossy(width, height)); // VP8 has 14 bits a side
        }
        for (byte[] bytes : headers) {
            ProbeResult result = probe.probe(bytes);
            if (fits) {
                assertThat(result).isInstanceOfSatisfying(ProbeResult.Image.class, i -> {
                    assertThat(i.width()).isEqualTo(width);
                    assertThat(i.height()).isEqualTo(height);
                });
            } else {
                assertThat(result).isInstanceOf(ProbeResult.TooManyPixels.class);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> signatures() {
        return Arbitraries.of(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                new byte[] {'R', 'I', 'F', 'F', 0x7F, 0, 0, 0, 'W', 'E', 'B', 'P'},
                new byte[] {'R', 'I', 'F', 'F', 0x40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'},
                new byte[] {'R', 'I', 'F', 'F', 0x40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'},
                new byte[] {'R', 'I', 'F', 'F', 0x40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '});
    }

    /** Real and hand-built files, cut at any point and with any byte changed. */
    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> files = Arbitraries.of(SampleImages.png(4, 3), SampleImages.jpeg(4, 3),
                SampleImages.webpLossless(4, 3), SampleImages.webpExtended(4, 3), SampleImages.webpLossy(4, 3));
        return files.flatMap(file -> Arbitraries.integers().between(0, file.length).flatMap(cut ->
                Arbitraries.integers().between(0, file.length - 1).flatMap(at -> Arbitraries.bytes().map(value -> {
                    byte[] copy = Arrays.copyOf(file, file.length);
                    copy[at] = value;
                    return Arrays.copyOf(copy, cut);
                }))));
    }
}
