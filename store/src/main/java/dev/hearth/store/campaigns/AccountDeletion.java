package dev.hearth.store.campaigns;

import java.util.List;

/** What {@link CampaignStore#deleteAccount} did. */
public sealed interface AccountDeletion {

    /** The account is gone, with its sign-ins, tokens, memberships and bans. */
    record Deleted() implements AccountDeletion {}

    /** There was no such account; nothing changed. */
    record NoSuchAccount() implements AccountDeletion {}

    /**
     * The account owns these campaigns (oldest first) and was not deleted; nothing changed. Each
     * must be transferred to another GM or deleted first, so that no campaign is left without an owner.
     */
    record OwnsCampaigns(List<Campaign> campaigns) implements AccountDeletion {
        public OwnsCampaigns {
            campaigns = List.copyOf(campaigns);
        }
    }
}
