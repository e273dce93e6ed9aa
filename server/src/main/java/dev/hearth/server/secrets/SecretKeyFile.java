package dev.hearth.server.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The secrets keys in a file, readable by its owner only:
 * {@code {"version":1,"keys":[{"id":"...","key":"<base64 of 32 bytes>"}, ...]}}, the current key first.
 *
 * <p>The file is refused, not repaired, when group or others may read it: by then the key may have
 * been copied, and the operator should know.
 */
public final class SecretKeyFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path file;

    public SecretKeyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /**
     * The keys in the file, creating it with one random key when it is absent.
     *
     * @throws SecretKeysException when the file is shared, unreadable or garbled
     */
    public SecretKeys openOrCreate(SecureRandom random) {
        if (!Files.exists(file)) {
            SecretKeys keys = new SecretKeys(List.of(DataKey.generate(random)));
            write(keys);
            return keys;
        }
        return read();
    }

    /**
     * The keys in the existing file.
     *
     * @throws SecretKeysException when the file is missing, shared, unreadable or garbled
     */
    public SecretKeys read() {
        if (!Files.exists(file)) {
            throw new SecretKeysException("The secrets key file " + file + " does not exist. Restore it from the backup"
                    + " taken with the data directory; without it the sealed secrets cannot be read.");
        }
        OwnerOnlyFile.requireOwnerOnly(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw garbled("cannot read it as JSON", e);
        }
        if (root == null || root.path("version").asInt() != VERSION || !root.path("keys").isArray()) {
            throw garbled("expected {\"version\":1,\"keys\":[...]}", null);
        }
        List<DataKey> keys = new ArrayList<>();
        for (JsonNode entry : root.path("keys")) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(entry.path("key").asText(""));
            } catch (IllegalArgumentException e) {
                throw garbled("key " + entry.path("id").asText("?") + " is not base64", null);
            }
            try {
                keys.add(new DataKey(entry.path("id").asText(""), bytes));
            } catch (SecretKeysException e) {
                throw garbled(e.getMessage(), null);
            }
        }
        try {
            return new SecretKeys(keys);
        } catch (SecretKeysException e) {
            throw garbled(e.getMessage(), null);
        }
    }

    /** Replaces the file with {@code keys}, atomically, owner-only. */
    public void write(SecretKeys keys) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ArrayNode array = root.putArray("keys");
        for (DataKey key : keys.keys()) {
            array.addObject().put("id", key.id()).put("key", Base64.getEncoder().encodeToString(key.bytes()));
        }
        OwnerOnlyFile.write(file, (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private SecretKeysException garbled(String problem, Throwable cause) {
        return new SecretKeysException("The secrets key file " + file + " cannot be used (" + problem
                + "). Restore it from the backup taken with the data directory.", cause);
    }
}
