package dev.hearth.server.images;

/** What {@link ImageProbe} found in the first bytes of a body. */
public sealed interface ProbeResult {

    /** An image of this type and size in pixels, within the limits. */
    record Image(ImageType type, int width, int height) implements ProbeResult {}

    /** The bytes start like none of the {@link ImageType}s. */
    record NotAnImage() implements ProbeResult {}

    /** The bytes start like {@code type} but its header is cut short or broken, or claims no pixels. */
    record Malformed(ImageType type, String problem) implements ProbeResult {}

    /** A well-formed header claiming more pixels than Hearth decodes anywhere: a decompression bomb, or just too big. */
    record TooManyPixels(ImageType type, long width, long height) implements ProbeResult {}
}
