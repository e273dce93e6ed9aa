package dev.hearth.core.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one authorization table: which role (and ownership) has which {@link Permission}. Transports
 * ask it and never decide permissions themselves. Pure and immutable: a value decides, nothing is
 * read or written.
 *
 * <p>Ownership adds to the GM role rather than replacing it: the owner is a GM with a few more
 * permissions, so a rule for GMs never has to mention the owner.
 */
public final class AccessPolicy {

    private static final Set<Permission> SPECTATOR = Collections.unmodifiableSet(EnumSet.of(
            Permission.VIEW_CANVAS, Permission.VIEW_CAMPAIGN, Permission.LIST_SESSIONS));
    private static final Set<Permission> PLAYER = union(SPECTATOR, EnumSet.of(
            Permission.DRAW, Permission.MOVE_TOKEN, Permission.CHAT, Permission.ROLL, Permission.COMBAT));
    private static final Set<Permission> GM = union(PLAYER, EnumSet.of(
            Permission.CLEAR_CANVAS, Permission.MANAGE_FOG, Permission.MANAGE_MAP, Permission.ANNOUNCE, Permission.CREATE_SESSION, Permission.CREATE_INVITE,
            Permission.LIST_INVITES, Permission.REVOKE_INVITE, Permission.CHANGE_ROLE, Permission.REMOVE_MEMBER,
            Permission.BAN_MEMBER));
    private static final Set<Permission> OWNER_ONLY = Collections.unmodifiableSet(EnumSet.of(
            Permission.MANAGE_GMS, Permission.TRANSFER_OWNERSHIP, Permission.DELETE_CAMPAIGN));

    private final Map<Role, Set<Permission>> byRole;

    public AccessPolicy() {
        Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);
        table.put(Role.GM, GM);
        table.put(Role.PLAYER, PLAYER);
        table.put(Role.SPECTATOR, SPECTATOR);
        this.byRole = Collections.unmodifiableMap(table);
    }

    /** Every permission a standing has. */
    public Set<Permission> permissions(Standing standing) {
        return switch (standing) {
            case Standing.Outsider outsider -> Set.of();
            case Standing.Member member -> member.owner()
                    ? union(byRole.get(member.role()), OWNER_ONLY)
                    : byRole.get(member.role());
        };
    }

    public Decision decide(Standing standing, Permission permission) {
        if (standing instanceof Standing.Outsider) {
            return new Decision.Denied(Denial.NOT_A_MEMBER, "Not a member of this campaign.");
        }
        if (permissions(standing).contains(permission)) {
            return new Decision.Allowed();
        }
        Standing.Member member = (Standing.Member) standing;
        if (OWNER_ONLY.contains(permission)) {
            return new Decision.Denied(Denial.OWNER_ONLY, "Only the campaign's owner may " + describe(permission) + ".");
        }
        return new Decision.Denied(Denial.ROLE_LACKS_PERMISSION,
                "A " + member.role().id() + " may not " + describe(permission) + ".");
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case VIEW_CANVAS -> "view the table";
            case DRAW -> "draw";
            case MOVE_TOKEN -> "move tokens";
            case CLEAR_CANVAS -> "clear the table";
            case MANAGE_FOG -> "manage fog";
            case MANAGE_MAP -> "manage the map";
            case CHAT -> "chat";
            case ANNOUNCE -> "make announcements";
            case ROLL -> "roll dice";
            case COMBAT -> "take part in combat";
            case VIEW_CAMPAIGN -> "view this campaign";
            case LIST_SESSIONS -> "list its game sessions";
            case CREATE_SESSION -> "create game sessions";
            case CREATE_INVITE -> "create invites";
            case LIST_INVITES -> "list invites";
            case REVOKE_INVITE -> "revoke invites";
            case CHANGE_ROLE -> "change roles";
            case REMOVE_MEMBER -> "remove members";
            case BAN_MEMBER -> "ban members";
            case MANAGE_GMS -> "demote, remove or ban a GM";
            case TRANSFER_OWNERSHIP -> "transfer ownership";
            case DELETE_CAMPAIGN -> "delete the campaign";
        };
    }

    private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
        EnumSet<Permission> all = EnumSet.copyOf(a);
        all.addAll(b);
        return Collections.unmodifiableSet(all);
    }
}
