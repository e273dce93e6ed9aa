package dev.hearth.core.access;

/**
 * Why access was denied; stable codes a transport maps to its own (HTTP: {@code NOT_A_MEMBER} is
 * 404 E005, so outsiders cannot tell a campaign they are not in from one that does not exist; the
 * others are 403 E011).
 */
public enum Denial {
    /** The account is not a member of the campaign. */
    NOT_A_MEMBER,
    /** A member whose role does not have the permission. */
    ROLE_LACKS_PERMISSION,
    /** Only the campaign's owner has the permission. */
    OWNER_ONLY
}
