package dev.hearth.core.access;

/**
 * What a command or query needs. Every operation on a campaign or its table names exactly one;
 * {@link AccessPolicy} says who has it. {@link #writes()} marks the ones that change something,
 * which a spectator never gets.
 */
public enum Permission {
    // The table (seed matrix).
    VIEW_CANVAS(false),
    DRAW(true),
    MOVE_TOKEN(true),
    CLEAR_CANVAS(true),
    MANAGE_FOG(true),
    /** Scenes, tokens' creation and deletion, the GM layer, images. */
    MANAGE_MAP(true),
    /** Post in the session chat, whisper. */
    CHAT(true),
    /** Post a GM announcement to the table and its members' notifications. */
    ANNOUNCE(true),
    /** Roll dice at the table (any roll mode). */
    ROLL(true),
    /** Take part in combat: the combat rules then say what each role may do to which combatant. */
    COMBAT(true),

    // The campaign.
    VIEW_CAMPAIGN(false),
    LIST_SESSIONS(false),
    CREATE_SESSION(true),
    CREATE_INVITE(true),
    LIST_INVITES(false),
    REVOKE_INVITE(true),
    CHANGE_ROLE(true),
    REMOVE_MEMBER(true),
    BAN_MEMBER(true),
    /** Demote, remove or ban another GM: co-GMs cannot push each other out, only the owner can. */
    MANAGE_GMS(true),
    TRANSFER_OWNERSHIP(true),
    DELETE_CAMPAIGN(true);

    private final boolean writes;

    Permission(boolean writes) {
        this.writes = writes;
    }

    /** True if an operation needing this permission changes state. */
    public boolean writes() {
        return writes;
    }
}
