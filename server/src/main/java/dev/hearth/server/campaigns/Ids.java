package dev.hearth.server.campaigns;

import java.util.regex.Pattern;

/**
 * Ids in paths and bodies (campaigns, accounts, invites are all random UUIDs): a malformed one is
 * refused before it reaches the store.
 */
final class Ids {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {}

    static boolean wellFormed(String id) {
        return id != null && UUID.matcher(id).matches();
    }
}
