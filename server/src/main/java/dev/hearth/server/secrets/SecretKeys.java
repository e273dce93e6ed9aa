package dev.hearth.server.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a {@link SecretBox} knows: the first seals, every one opens what it sealed.
 *
 * @param keys the current key first, then older ones still needed to open existing ciphertexts
 */
public record SecretKeys(List<DataKey> keys) {

    /** The id of the single key given as bare base64 in {@code HEARTH_SECRETS_KEY}. */
    public static final String DEFAULT_ENVIRONMENT_ID = "env";

    public SecretKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new SecretKeysException("no secrets key given");
        }
        Set<String> ids = new HashSet<>();
        for (DataKey key : keys) {
            if (!ids.add(key.id())) {
                throw new SecretKeysException("two secrets keys share the id " + key.id());
            }
        }
    }

    /**
     * Keys as an operator writes them in {@code HEARTH_SECRETS_KEY}: base64 of 32 bytes (id
     * {@value #DEFAULT_ENVIRONMENT_ID}), or comma-separated {@code id:base64} entries, the current one first.
     *
     * @throws SecretKeysException naming the entry that is wrong, never its value
     */
    public static SecretKeys parse(String text, String source) {
        List<DataKey> keys = new ArrayList<>();
        String[] entries = text.strip().split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? DEFAULT_ENVIRONMENT_ID : entry.substring(0, colon);
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new SecretKeysException(source + ": entry " + (i + 1) + " is not base64; expected base64 of "
                        + DataKey.LENGTH_BYTES + " bytes, or id:base64 entries separated by commas");
            }
            try {
                keys.add(new DataKey(id, bytes));
            } catch (SecretKeysException e) {
                throw new SecretKeysException(source + ": " + e.getMessage());
            }
        }
        try {
            return new SecretKeys(keys);
        } catch (SecretKeysException e) {
            throw new SecretKeysException(source + ": " + e.getMessage());
        }
    }

    /** The key that seals. */
    public DataKey current() {
        return keys.getFirst();
    }

    /** The key with this id, if known. */
    public Optional<DataKey> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** These keys with {@code fresh} as the current one, the others kept so they still open. */
    public SecretKeys withCurrent(DataKey fresh) {
        List<DataKey> next = new ArrayList<>();
        next.add(fresh);
        next.addAll(keys);
        return new SecretKeys(next);
    }

    /** The current key alone: what is left once nothing is sealed under the others. */
    public SecretKeys currentOnly() {
        return new SecretKeys(List.of(current()));
    }
}
