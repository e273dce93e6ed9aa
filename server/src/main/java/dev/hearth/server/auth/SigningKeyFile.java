package dev.hearth.server.auth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.hearth.server.secrets.OwnerOnlyFile;
import dev.hearth.server.secrets.Resealable;
import dev.hearth.server.secrets.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing keys on disk: a JWK set whose members are the public halves, readable, each with a
 * {@code sealed} member holding the whole private JWK sealed by the {@link SecretBox} for the purpose
 * {@code signing-key:<kid>} (so one key's ciphertext cannot stand in for another's).
 *
 * <p>A file from before sealing (private JWKs with {@code d} in clear) is still read, and reported as
 * needing a re-seal, so the ring rewrites it sealed on start.
 */
public final class SigningKeyFile implements Resealable {

    static final String SEALED_MEMBER = "sealed";

    private final Path file;

    public SigningKeyFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The keys read, and whether the file should be written again (clear private keys, or an older secrets key). */
    record Loaded(List<ECKey> keys, boolean needsReseal) {}

    /**
     * @throws IOException, ParseException, IllegalStateException when the file is garbled
     * @throws dev.hearth.server.secrets.SecretBoxException when a sealed key does not open
     */
    Loaded read(SecretBox box) throws IOException, ParseException {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), false);
        }
        Map<String, Object> root = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Object>[] members = JSONObjectUtils.getJSONObjectArray(root, "keys");
        if (members == null) {
            throw new IllegalStateException("no \"keys\" array");
        }
        List<ECKey> keys = new ArrayList<>();
        boolean needsReseal = false;
        for (Map<String, Object> member : members) {
            ECKey key;
            if (member.get(SEALED_MEMBER) instanceof String sealed) {
                String kid = JSONObjectUtils.getString(member, "kid");
                key = ECKey.parse(box.openText(sealed, purpose(kid)));
                if (!key.getKeyID().equals(kid)) {
                    throw new IllegalStateException("sealed key " + key.getKeyID() + " is listed as " + kid);
                }
                needsReseal |= !SecretBox.keyIdOf(sealed).equals(box.keys().current().id());
            } else {
                key = ECKey.parse(member);
                needsReseal = true; // written before private keys were sealed
            }
            if (!key.isPrivate() || key.getKeyID() == null || key.getIssueTime() == null) {
                throw new IllegalStateException("a key is not a private P-256 key with kid and iat");
            }
            keys.add(key);
        }
        return new Loaded(keys, needsReseal);
    }

    /** Replaces the file with {@code keys}, private halves sealed under the box's current key. */
    void write(List<ECKey> keys, SecretBox box) {
        List<Object> members = new ArrayList<>();
        for (ECKey key : keys) {
            Map<String, Object> member = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
            member.put(SEALED_MEMBER, box.seal(key.toJSONString(), purpose(key.getKeyID())));
            members.add(member);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("keys", members);
        OwnerOnlyFile.write(file, JSONObjectUtils.toJSONString(root).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
        return "signing keys in " + file.toAbsolutePath();
    }

    @Override
    public void reseal(SecretBox box) {
        try {
            Loaded loaded = read(box);
            if (!loaded.keys().isEmpty()) {
                write(loaded.keys(), box);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The associated data of one key's sealed private half: the field and the key it belongs to. */
    private static String purpose(String kid) {
        return "signing-key:" + kid;
    }
}
