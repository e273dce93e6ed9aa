package dev.hearth.store.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The address of an image's content: {@code sha256-} and the 64 lower-case hex digits of SHA-256 of its bytes. */
public final class ImageHash {

    private static final String PREFIX = "sha256-";
    private static final Pattern WELL_FORMED = Pattern.compile("sha256-[0-9a-f]{64}");

    private ImageHash() {}

    public static String of(byte[] bytes) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True for text that could be a hash this class makes (lower-case hex only), whether or not anything has it. */
    public static boolean isWellFormed(String text) {
        return text != null && WELL_FORMED.matcher(text).matches();
    }
}
