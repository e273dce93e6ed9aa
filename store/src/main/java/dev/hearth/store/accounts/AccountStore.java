package dev.hearth.store.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Accounts and their sign-ins: the relational records behind logging in, kept on the same database
 * as the event log but never in it.
 *
 * <h2>Contract</h2>
 * Every implementation passes the same contract test suite ({@code AccountStoreContract}).
 * <ul>
 *   <li><b>Usernames are unique ignoring case</b>, also between concurrent {@link #create} calls;
 *       lookups by username ignore case too.
 *   <li><b>A sign-in</b> is one login on one device. Its refresh tokens form a family: only the
 *       newest is current. Tokens are stored and looked up only by their hash; the store never sees
 *       a token.
 *   <li><b>Rotation is atomic.</b> Of concurrent {@link #rotate} calls with the same token, at most
 *       one answers {@link Rotation.Rotated}. Presenting a token that was rotated already revokes
 *       its whole sign-in ({@link Rotation.Reused}): the newer token stops working too.
 *   <li><b>Revocation is final.</b> A revoked sign-in never becomes active again, and none of its
 *       tokens rotates.
 *   <li><b>Changing a password revokes every sign-in</b> of the account in the same transaction.
 *   <li><b>Deleting an account</b> deletes its sign-ins and tokens with it, in one transaction.
 * </ul>
 * Time is always passed in, never read from a clock, so callers decide what "expired" means.
 * Database failures are thrown as {@link dev.hearth.store.StoreException}.
 */
public interface AccountStore {

    /** Stores a new account, unless its username is taken (ignoring case). */
    CreateResult create(Account account);

    Optional<Account> findById(String accountId);

    /** The account with this username, ignoring case. */
    Optional<Account> findByUsername(String username);

    /**
     * Replaces the password hash only if it is still {@code expectedHash}: re-hashing with new
     * parameters must not undo a password change that happened meanwhile. Sign-ins stay.
     *
     * @return false if the account is gone or its hash changed
     */
    boolean replacePasswordHash(String accountId, String expectedHash, String newHash);

    /**
     * Sets a new password hash and revokes every sign-in of the account.
     *
     * @return false if the account does not exist
     */
    boolean changePassword(String accountId, String newHash, Instant now);

    /**
     * Deletes the account, its sign-ins and its refresh tokens. Knows nothing of campaigns: the API
     * deletes accounts with {@link dev.hearth.store.campaigns.CampaignStore#deleteAccount}, which
     * refuses an owner and removes memberships in the same transaction.
     *
     * @return false if there was no such account
     */
    boolean delete(String accountId);

    /** Starts a sign-in whose first refresh token has {@code tokenHash}. */
    void startSignIn(String accountId, String signInId, String tokenHash, Instant now, Instant expiresAt);

    /**
     * Replaces the current refresh token of a sign-in with a new one; see {@link Rotation} for the
     * outcomes. A token is current when it was never rotated, has not expired at {@code now}, and
     * its sign-in is not revoked.
     */
    Rotation rotate(String presentedHash, String newHash, Instant now, Instant newExpiresAt);

    /**
     * Revokes the sign-in the token with this hash belongs to, whether or not the token is current.
     *
     * @return false if no token has this hash
     */
    boolean revokeSignInOf(String tokenHash, Instant now);

    /** True if the sign-in exists, belongs to this account, and is not revoked. */
    boolean isSignInActive(String accountId, String signInId);
}
