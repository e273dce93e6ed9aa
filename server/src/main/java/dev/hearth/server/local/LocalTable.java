package dev.hearth.server.local;

import dev.hearth.core.session.SessionId;
import dev.hearth.server.auth.PasswordHasher;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.accounts.AccountStore;
import dev.hearth.store.accounts.CreateResult;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What local mode plays at: the local user, and the campaign it owns. {@link #prepare} creates both
 * on the first start and finds them again on every later one, so the ids stay the same as long as
 * the data does.
 *
 * @param user the account named {@value #USERNAME}, GM and owner of {@code campaign}
 * @param campaign the local user's oldest owned campaign, {@value #CAMPAIGN_NAME} unless renamed or replaced
 */
public record LocalTable(Account user, Campaign campaign) {

    public static final String USERNAME = "local";
    public static final String DISPLAY_NAME = "Game Master";
    public static final String CAMPAIGN_NAME = "My table";
    public static final String SESSION_NAME = "Session 1";

    public LocalTable {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(campaign, "campaign");
    }

    /**
     * Finds the local user and its campaign, creating what is missing: the user, and a campaign with
     * one game session when the user owns none (the first start, or after it deleted its last one).
     *
     * @param hasher hashes the local user's password: 32 random bytes nobody is told, so the account
     *     has no usable password even if the same data is later served with accounts
     */
    public static LocalTable prepare(AccountStore accounts, CampaignStore campaigns, PasswordHasher hasher,
            SecureRandom random, InstantSource clock) {
        Account user = accounts.findByUsername(USERNAME).orElseGet(() -> {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            Instant now = clock.instant();
            Account created = new Account(UUID.randomUUID().toString(), USERNAME, DISPLAY_NAME,
                    hasher.hash(Base64.getEncoder().encodeToString(secret)), now, now);
            return switch (accounts.create(created)) {
                case CreateResult.Created c -> c.account();
                // Another process created it between our lookup and our insert: use theirs.
                case CreateResult.UsernameTaken t -> accounts.findByUsername(USERNAME).orElseThrow();
            };
        });
        List<Campaign> owned = campaigns.campaignsOf(user.id()).stream()
                .map(m -> m.campaign())
                .filter(c -> c.ownerId().equals(user.id()))
                .toList();
        if (!owned.isEmpty()) {
            return new LocalTable(user, owned.getFirst());
        }
        Instant now = clock.instant();
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), CAMPAIGN_NAME, user.id(), now);
        campaigns.create(campaign);
        campaigns.createSession(new GameSession(SessionId.random(), campaign.id(), SESSION_NAME, now));
        return new LocalTable(user, campaign);
    }
}
