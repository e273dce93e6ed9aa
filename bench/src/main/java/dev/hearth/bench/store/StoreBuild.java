package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which build of the store was measured: its jar's name and SHA-256. Store builds are
 * reproducible, so the hash names the source it was built from.
 */
final class StoreBuild {

    private StoreBuild() {}

    static String describe() {
        try {
            Path location = Path.of(EventStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return location + " (classes directory)";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(location)) {
                sha.update(in.readAllBytes());
            }
            return location.getFileName() + " sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }
}
