package dev.hearth.store.campaigns;

import dev.hearth.core.access.Role;
import dev.hearth.core.access.Standing;
import dev.hearth.core.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns, their members, bans, invites and game sessions: relational records kept on the same
 * database as the event log, never in it. The store keeps the campaign's invariants; who may ask
 * for a change is decided before, by {@link dev.hearth.core.access.AccessPolicy}.
 *
 * <h2>Contract</h2>
 * Every implementation passes the same contract test suite ({@code CampaignStoreContract}).
 * <ul>
 *   <li><b>The owner is always a GM member.</b> Creating a campaign makes its owner a GM; the owner
 *       cannot be demoted or removed ({@link MemberChange#OWNER_STAYS_GM}) and ownership only goes
 *       to another GM ({@link MemberChange#NOT_A_GM}). So a campaign always has at least one GM:
 *       the last GM is never demoted or removed.
 *   <li><b>Changes are conditional on what the caller decided on.</b> A role change or removal
 *       names the role the member is expected to have, a transfer the expected owner; if either
 *       changed meanwhile, nothing changes ({@link MemberChange#STALE}). Membership changes of one
 *       campaign are serialised, so the invariants hold under concurrency.
 *   <li><b>Invites are stored by the hash of their code</b>, never the code. {@link #accept} is
 *       atomic: concurrent accepts never exceed an invite's use limit; a member accepting again
 *       changes nothing and consumes no use; a banned account is refused; an expired, exhausted or
 *       revoked invite is refused and changes nothing.
 *   <li><b>Removal with a ban</b> removes the member and bars the account from joining by invite.
 *   <li><b>Deleting a campaign</b> deletes its members, bans, invites, game-session records and
 *       images in one transaction (the sessions' event logs are the event store's).
 *   <li><b>No campaign outlives its owner's account.</b> {@link #deleteAccount} refuses an account
 *       that owns a campaign and otherwise removes its memberships and bans with it, in one
 *       transaction; a campaign is only created for, and an invite only accepted by, an account
 *       that exists, and neither races with the account's deletion.
 *   <li><b>Outsiders see nothing.</b> {@link #standing} answers {@link Standing.Outsider} alike for
 *       a campaign that does not exist and one the account is not a member of.
 * </ul>
 * Names are stored verbatim. Time is passed in, never read from a clock. Database failures are
 * thrown as {@link dev.hearth.store.StoreException}.
 */
public interface CampaignStore {

    /**
     * Stores a new campaign with its owner as its one GM member.
     *
     * @return false if the owner's account does not exist (nothing stored)
     */
    boolean create(Campaign campaign);

    Optional<Campaign> find(String campaignId);

    /** The account's standing in the campaign: a member with role and ownership, or an outsider. */
    Standing standing(String campaignId, String accountId);

    /** The campaigns the account is a member of, oldest first, with its role in each. */
    List<Membership> campaignsOf(String accountId);

    /** The members, in the order they joined. */
    List<Member> members(String campaignId);

    /**
     * Deletes the campaign and everything it holds.
     *
     * @return false if there was no such campaign
     */
    boolean delete(String campaignId);

    /**
     * Adds a game session to its campaign.
     *
     * @return false if the campaign does not exist (nothing stored)
     */
    boolean createSession(GameSession session);

    /** The campaign's game sessions, oldest first. */
    List<GameSession> sessions(String campaignId);

    /**
     * The game session with this id, which names its campaign: how a caller holding only a
     * session id finds the campaign it belongs to. Empty if there is none, as once its campaign
     * is deleted.
     */
    Optional<GameSession> findSession(SessionId sessionId);

    /**
     * Stores an invite under the hash of its code.
     *
     * @return false if the campaign does not exist (nothing stored)
     */
    boolean createInvite(Invite invite, String codeHash);

    /** The campaign's invites, oldest first, revoked and used-up ones included. */
    List<Invite> invites(String campaignId);

    /**
     * Revokes an invite of this campaign; revoking a revoked invite changes nothing.
     *
     * @return false if the campaign has no invite with this id
     */
    boolean revokeInvite(String campaignId, String inviteId, Instant now);

    /**
     * Deletes an account that owns no campaign: its memberships and bans, then the account with its
     * sign-ins and tokens (what {@link dev.hearth.store.accounts.AccountStore#delete} deletes), in
     * one transaction. An account that owns a campaign is refused with the campaigns it owns, and
     * nothing changes; see {@link AccountDeletion}.
     */
    AccountDeletion deleteAccount(String accountId);

    /** Joins the account to the campaign of the invite whose code has this hash; see {@link Acceptance}. */
    Acceptance accept(String codeHash, String accountId, Instant now);

    /** Gives a member {@code newRole}, if its role is still {@code expected}. */
    MemberChange changeRole(String campaignId, String accountId, Role expected, Role newRole);

    /** Removes a member whose role is still {@code expected}, and bans the account if {@code ban}. */
    MemberChange remove(String campaignId, String accountId, Role expected, boolean ban, Instant now);

    /** Makes {@code newOwnerId}, a GM of the campaign, its owner, if the owner is still {@code expectedOwnerId}. */
    MemberChange transferOwnership(String campaignId, String expectedOwnerId, String newOwnerId);
}
