package dev.hearth.store.campaigns;

/** What a change of membership (role change, removal, ownership transfer) did. */
public enum MemberChange {
    /** Changed as asked. */
    DONE,
    /** The account is not a member of the campaign (or the campaign is gone); nothing changed. */
    NOT_A_MEMBER,
    /**
     * The member's role, or the campaign's owner, is no longer what the caller decided on: someone
     * changed it meanwhile. Nothing changed; decide again on fresh data.
     */
    STALE,
    /** The owner must stay a GM member (this also keeps the last GM): transfer ownership first. */
    OWNER_STAYS_GM,
    /** Ownership goes only to another GM of the campaign. */
    NOT_A_GM
}
