package dev.hearth.server.images;

/**
 * What an uploaded body is, read from its header alone: the type its magic bytes say and its size
 * in pixels, without decoding a pixel. Pure and total: any bytes give a {@link ProbeResult}, never
 * an exception.
 *
 * <p>The limits are on pixels, not bytes: a few kilobytes can claim a canvas that takes gigabytes
 * to decode in a browser (a decompression bomb), so a side above {@link #MAX_SIDE} or an area above
 * {@link #MAX_PIXELS} is refused however small the file.
 */
public final class ImageProbe {

    /** The longest side Hearth takes; browsers' canvases top out around here too. */
    public static final int MAX_SIDE = 16_384;
    /** 100 megapixels: about 400 MB once decoded to RGBA. */
    public static final long MAX_PIXELS = 100_000_000;

    private final int maxSide;
    private final long maxPixels;

    /** With Hearth's limits. */
    public ImageProbe() {
        this(MAX_SIDE, MAX_PIXELS);
    }

    public ImageProbe(int maxSide, long maxPixels) {
        if (maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("limits are positive, were " + maxSide + " and " + maxPixels);
        }
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    public ProbeResult probe(byte[] bytes) {
        HeaderBytes b = new HeaderBytes(bytes);
        ProbeResult read;
        if (PngHeader.matches(b)) {
            read = PngHeader.read(b);
        } else if (JpegHeader.matches(b)) {
            read = JpegHeader.read(b);
        } else if (WebpHeader.matches(b)) {
            read = WebpHeader.read(b);
        } else {
            return new ProbeResult.NotAnImage();
        }
        return read instanceof ProbeResult.Image image ? withinLimits(image) : read;
    }

    private ProbeResult withinLimits(ProbeResult.Image image) {
        long width = image.width();
        long height = image.height();
        if (width == 0 || height == 0) {
            return new ProbeResult.Malformed(image.type(), "the header claims " + width + "x" + height + " pixels");
        }
        if (width > maxSide || height > maxSide || width * height > maxPixels) {
            return new ProbeResult.TooManyPixels(image.type(), width, height);
        }
        return image;
    }
}
