package dev.hearth.store.campaigns;

import dev.hearth.core.access.Role;

/** What {@link CampaignStore#accept} did with an invite code. */
public sealed interface Acceptance {

    /** The account joined the campaign with the invite's role; one use was consumed. */
    record Joined(String campaignId, Role role) implements Acceptance {}

    /** The account was a member already: nothing changed, no use was consumed, the role stays. */
    record AlreadyMember(String campaignId, Role role) implements Acceptance {}

    /** The invite could not be used; nothing changed. */
    record Refused(Reason reason) implements Acceptance {}

    enum Reason {
        /** No invite has this code (or its campaign was deleted). */
        UNKNOWN,
        EXPIRED,
        /** Every use was taken. */
        EXHAUSTED,
        REVOKED,
        /** The account is banned from the campaign. */
        BANNED
    }
}
