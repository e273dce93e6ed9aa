package dev.hearth.store.campaigns;

import static dev.hearth.store.jdbc.Transactions.update;

import dev.hearth.core.access.Role;
import dev.hearth.core.access.Standing;
import dev.hearth.core.session.SessionId;
import dev.hearth.store.accounts.JdbcAccountStore;
import dev.hearth.store.jdbc.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CampaignStore} on the event store's database (same pool, same Flyway history). Every
 * method is one short transaction.
 *
 * <p>Every change of membership starts by bumping the campaign row's {@code version}: the row lock
 * that takes (PostgreSQL; SQLite serialises all writers anyway) orders concurrent changes of one
 * campaign, so each re-reads what it depends on after the changes before it committed.
 */
public final class JdbcCampaignStore implements CampaignStore {

    private static final String CAMPAIGN_COLUMNS = "campaign_id, name, owner_id, created_at";
    private static final String SESSION_COLUMNS = "session_id, campaign_id, name, created_at";
    private static final String INVITE_COLUMNS =
            "invite_id, campaign_id, role, created_by, created_at, expires_at, max_uses, uses, revoked_at";

    private final Transactions tx;

    /** Uses, but does not own, the pool behind {@code tx}; its schema must be migrated. */
    public JdbcCampaignStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(Campaign campaign) {
        return tx.run("create a campaign", c -> {
            if (!lockAccount(c, campaign.ownerId())) {
                return false;
            }
            update(c, "INSERT INTO campaigns (" + CAMPAIGN_COLUMNS + ", version) VALUES (?, ?, ?, ?, 0)",
                    campaign.id(), campaign.name(), campaign.ownerId(), millis(campaign.createdAt()));
            update(c, "INSERT INTO campaign_members (campaign_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    campaign.id(), campaign.ownerId(), Role.GM.id(), millis(campaign.createdAt()));
            return true;
        });
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        return tx.read("find a campaign", c -> {
            List<Campaign> found = query(c, "SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE campaign_id = ?",
                    JdbcCampaignStore::campaign, campaignId);
            return found.stream().findFirst();
        });
    }

    @Override
    public Standing standing(String campaignId, String accountId) {
        return tx.read("read a standing", c -> standing(c, campaignId, accountId));
    }

    private static Standing standing(Connection c, String campaignId, String accountId) throws SQLException {
        List<Standing> found = query(c, "SELECT m.role, c.owner_id FROM campaign_members m"
                + " JOIN campaigns c ON c.campaign_id = m.campaign_id WHERE m.campaign_id = ? AND m.account_id = ?",
                rs -> new Standing.Member(role(rs.getString(1)), accountId.equals(rs.getString(2))),
                campaignId, accountId);
        return found.isEmpty() ? Standing.outsider() : found.getFirst();
    }

    @Override
    public List<Membership> campaignsOf(String accountId) {
        return tx.read("list campaigns", c -> query(c, "SELECT c.campaign_id, c.name, c.owner_id, c.created_at, m.role"
                + " FROM campaign_members m JOIN campaigns c ON c.campaign_id = m.campaign_id WHERE m.account_id = ?"
                + " ORDER BY c.created_at, c.campaign_id",
                rs -> new Membership(campaign(rs), role(rs.getString(5))), accountId));
    }

    @Override
    public List<Member> members(String campaignId) {
        return tx.read("list members", c -> query(c,
                "SELECT m.account_id, a.display_name, m.role, c.owner_id, m.joined_at FROM campaign_members m"
                        + " JOIN campaigns c ON c.campaign_id = m.campaign_id"
                        + " JOIN accounts a ON a.account_id = m.account_id"
                        + " WHERE m.campaign_id = ? ORDER BY m.joined_at, m.account_id",
                rs -> new Member(rs.getString(1), rs.getString(2), role(rs.getString(3)),
                        rs.getString(1).equals(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))),
                campaignId));
    }

    @Override
    public boolean delete(String campaignId) {
        return tx.run("delete a campaign", c -> {
            // Children first: the foreign keys hold on PostgreSQL. The image usage row before the
            // images: an upload holding its lock commits first, and its image is then seen and deleted.
            for (String table : List.of("campaign_invites", "campaign_bans", "campaign_members", "game_sessions",
                    "campaign_image_usage", "campaign_images")) {
                update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", campaignId);
            }
            return update(c, "DELETE FROM campaigns WHERE campaign_id = ?", campaignId) == 1;
        });
    }

    @Override
    public boolean createSession(GameSession session) {
        return tx.run("create a game session", c -> {
            if (!lock(c, session.campaignId())) {
                return false;
            }
            update(c, "INSERT INTO game_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?)",
                    session.id().value(), session.campaignId(), session.name(), millis(session.createdAt()));
            return true;
        });
    }

    @Override
    public List<GameSession> sessions(String campaignId) {
        return tx.read("list game sessions", c -> query(c, "SELECT " + SESSION_COLUMNS
                + " FROM game_sessions WHERE campaign_id = ? ORDER BY created_at, session_id",
                JdbcCampaignStore::gameSession, campaignId));
    }

    @Override
    public Optional<GameSession> findSession(SessionId sessionId) {
        return tx.read("find a game session", c -> {
            List<GameSession> found = query(c, "SELECT " + SESSION_COLUMNS + " FROM game_sessions WHERE session_id = ?",
                    JdbcCampaignStore::gameSession, sessionId.value());
            return found.stream().findFirst();
        });
    }

    @Override
    public boolean createInvite(Invite invite, String codeHash) {
        return tx.run("create an invite", c -> {
            if (!lock(c, invite.campaignId())) {
                return false;
            }
            update(c, "INSERT INTO campaign_invites (" + INVITE_COLUMNS + ", code_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    invite.id(), invite.campaignId(), invite.role().id(), invite.createdBy(), millis(invite.createdAt()),
                    millis(invite.expiresAt()), invite.maxUses(), invite.uses(),
                    invite.revokedAt().map(JdbcCampaignStore::millis).orElse(null), codeHash);
            return true;
        });
    }

    @Override
    public List<Invite> invites(String campaignId) {
        return tx.read("list invites", c -> query(c, "SELECT " + INVITE_COLUMNS + " FROM campaign_invites"
                + " WHERE campaign_id = ? ORDER BY created_at, invite_id", JdbcCampaignStore::invite, campaignId));
    }

    @Override
    public boolean revokeInvite(String campaignId, String inviteId, Instant now) {
        return tx.run("revoke an invite", c -> {
            update(c, "UPDATE campaign_invites SET revoked_at = ? WHERE campaign_id = ? AND invite_id = ?"
                    + " AND revoked_at IS NULL", millis(now), campaignId, inviteId);
            return !query(c, "SELECT 1 FROM campaign_invites WHERE campaign_id = ? AND invite_id = ?",
                    rs -> true, campaignId, inviteId).isEmpty();
        });
    }

    @Override
    public Acceptance accept(String codeHash, String accountId, Instant now) {
        return tx.run("accept an invite", c -> {
            if (!lockAccount(c, accountId)) {
                return new Acceptance.Refused(Acceptance.Reason.UNKNOWN);
            }
            List<String> campaignIds = query(c, "SELECT campaign_id FROM campaign_invites WHERE code_hash = ?",
                    rs -> rs.getString(1), codeHash);
            if (campaignIds.isEmpty() || !lock(c, campaignIds.getFirst())) {
                return new Acceptance.Refused(Acceptance.Reason.UNKNOWN);
            }
            String campaignId = campaignIds.getFirst();
            // Read after the lock: uses, revocation, membership and bans are the latest committed.
            Invite invite = query(c, "SELECT " + INVITE_COLUMNS + " FROM campaign_invites WHERE code_hash = ?",
                    JdbcCampaignStore::invite, codeHash).getFirst();
            if (standing(c, campaignId, accountId) instanceof Standing.Member member) {
                return new Acceptance.AlreadyMember(campaignId, member.role());
            }
            Optional<Acceptance.Reason> refused = refusal(c, invite, accountId, now);
            if (refused.isPresent()) {
                return new Acceptance.Refused(refused.get());
            }
            update(c, "UPDATE campaign_invites SET uses = uses + 1 WHERE invite_id = ?", invite.id());
            update(c, "INSERT INTO campaign_members (campaign_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    campaignId, accountId, invite.role().id(), millis(now));
            return new Acceptance.Joined(campaignId, invite.role());
        });
    }

    @Override
    public AccountDeletion deleteAccount(String accountId) {
        return tx.run("delete an account", c -> {
            // Locks in the order every change takes them (the account, then its campaigns): a
            // transfer of ownership to this account, a campaign it creates or an invite it accepts
            // either committed before and is seen below, or waits and then finds the account gone.
            if (!lockAccount(c, accountId)) {
                return new AccountDeletion.NoSuchAccount();
            }
            update(c, "UPDATE campaigns SET version = version + 1 WHERE campaign_id IN"
                    + " (SELECT campaign_id FROM campaign_members WHERE account_id = ?)", accountId);
            List<Campaign> owned = query(c, "SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE owner_id = ?"
                    + " ORDER BY created_at, campaign_id", JdbcCampaignStore::campaign, accountId);
            if (!owned.isEmpty()) {
                c.rollback();
                return new AccountDeletion.OwnsCampaigns(owned);
            }
            update(c, "DELETE FROM campaign_members WHERE account_id = ?", accountId);
            update(c, "DELETE FROM campaign_bans WHERE account_id = ?", accountId);
            JdbcAccountStore.deleteRecords(c, accountId);
            return new AccountDeletion.Deleted();
        });
    }

    /** Why the invite cannot be used, if it cannot; a ban outranks the invite's own state. */
    private static Optional<Acceptance.Reason> refusal(Connection c, Invite invite, String accountId, Instant now)
            throws SQLException {
        boolean banned = !query(c, "SELECT 1 FROM campaign_bans WHERE campaign_id = ? AND account_id = ?",
                rs -> true, invite.campaignId(), accountId).isEmpty();
        if (banned) {
            return Optional.of(Acceptance.Reason.BANNED);
        }
        if (invite.revokedAt().isPresent()) {
            return Optional.of(Acceptance.Reason.REVOKED);
        }
        if (!now.isBefore(invite.expiresAt())) {
            return Optional.of(Acceptance.Reason.EXPIRED);
        }
        if (invite.uses() >= invite.maxUses()) {
            return Optional.of(Acceptance.Reason.EXHAUSTED);
        }
        return Optional.empty();
    }

    @Override
    public MemberChange changeRole(String campaignId, String accountId, Role expected, Role newRole) {
        return tx.run("change a role", c -> {
            MemberChange check = checkMember(c, campaignId, accountId, expected);
            if (check != MemberChange.DONE) {
                return check;
            }
            if (isOwner(c, campaignId, accountId) && newRole != Role.GM) {
                return MemberChange.OWNER_STAYS_GM;
            }
            update(c, "UPDATE campaign_members SET role = ? WHERE campaign_id = ? AND account_id = ?",
                    newRole.id(), campaignId, accountId);
            return MemberChange.DONE;
        });
    }

    @Override
    public MemberChange remove(String campaignId, String accountId, Role expected, boolean ban, Instant now) {
        return tx.run("remove a member", c -> {
            MemberChange check = checkMember(c, campaignId, accountId, expected);
            if (check != MemberChange.DONE) {
                return check;
            }
            if (isOwner(c, campaignId, accountId)) {
                return MemberChange.OWNER_STAYS_GM;
            }
            update(c, "DELETE FROM campaign_members WHERE campaign_id = ? AND account_id = ?", campaignId, accountId);
            if (ban) {
                update(c, "INSERT INTO campaign_bans (campaign_id, account_id, banned_at) VALUES (?, ?, ?)",
                        campaignId, accountId, millis(now));
            }
            return MemberChange.DONE;
        });
    }

    @Override
    public MemberChange transferOwnership(String campaignId, String expectedOwnerId, String newOwnerId) {
        return tx.run("transfer ownership", c -> {
            if (!lock(c, campaignId)) {
                return MemberChange.NOT_A_MEMBER;
            }
            if (!isOwner(c, campaignId, expectedOwnerId)) {
                return MemberChange.STALE;
            }
            Standing next = standing(c, campaignId, newOwnerId);
            if (next instanceof Standing.Outsider) {
                return MemberChange.NOT_A_MEMBER;
            }
            if (((Standing.Member) next).role() != Role.GM) {
                return MemberChange.NOT_A_GM;
            }
            update(c, "UPDATE campaigns SET owner_id = ? WHERE campaign_id = ?", newOwnerId, campaignId);
            return MemberChange.DONE;
        });
    }

    /** Locks the campaign, then checks that the account is a member with the expected role. */
    private static MemberChange checkMember(Connection c, String campaignId, String accountId, Role expected)
            throws SQLException {
        if (!lock(c, campaignId)) {
            return MemberChange.NOT_A_MEMBER;
        }
        return switch (standing(c, campaignId, accountId)) {
            case Standing.Outsider outsider -> MemberChange.NOT_A_MEMBER;
            case Standing.Member member -> member.role() == expected ? MemberChange.DONE : MemberChange.STALE;
        };
    }

    /**
     * Locks the account's row against its deletion until this transaction ends (a no-op update of a
     * column no key uses, so sign-ins referring to the account are not blocked); false if it is gone.
     */
    private static boolean lockAccount(Connection c, String accountId) throws SQLException {
        return update(c, "UPDATE accounts SET display_name = display_name WHERE account_id = ?", accountId) == 1;
    }

    /** Serialises changes of one campaign (see the class comment); false if it does not exist. */
    private static boolean lock(Connection c, String campaignId) throws SQLException {
        return update(c, "UPDATE campaigns SET version = version + 1 WHERE campaign_id = ?", campaignId) == 1;
    }

    private static boolean isOwner(Connection c, String campaignId, String accountId) throws SQLException {
        return !query(c, "SELECT 1 FROM campaigns WHERE campaign_id = ? AND owner_id = ?", rs -> true,
                campaignId, accountId).isEmpty();
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    private static GameSession gameSession(ResultSet rs) throws SQLException {
        return new GameSession(SessionId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)));
    }

    private static Invite invite(ResultSet rs) throws SQLException {
        long revokedAt = rs.getLong(9);
        Optional<Instant> revoked = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revokedAt));
        return new Invite(rs.getString(1), rs.getString(2), role(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7), rs.getInt(8),
                revoked);
    }

    private static Role role(String id) {
        return Role.byId(id).orElseThrow(() -> new IllegalStateException("unknown role in the database: " + id));
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
