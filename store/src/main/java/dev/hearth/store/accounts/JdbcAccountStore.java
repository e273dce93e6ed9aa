package dev.hearth.store.accounts;

import static dev.hearth.store.jdbc.Transactions.update;

import dev.hearth.store.jdbc.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link AccountStore} on the event store's database (same pool, same Flyway history). Every
 * method is one short transaction on a pooled connection; none goes through the event store's
 * group-committing writer, which is reserved for the session log.
 */
public final class JdbcAccountStore implements AccountStore {

    private static final String ACCOUNT_COLUMNS =
            "account_id, username, display_name, password_hash, created_at, password_changed_at";

    private final Transactions tx;

    /** Uses, but does not own, the pool behind {@code tx}: whoever opened it closes it. Its schema must be migrated. */
    public JdbcAccountStore(Transactions tx) {
        this.tx = tx;
    }

    /** The key that makes usernames unique ignoring case; ROOT so that no locale folds letters its own way. */
    static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    @Override
    public CreateResult create(Account account) {
        return tx.run("create an account", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (" + ACCOUNT_COLUMNS
                    + ", username_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, account.id());
                ps.setString(2, account.username());
                ps.setString(3, account.displayName());
                ps.setString(4, account.passwordHash());
                ps.setLong(5, account.createdAt().toEpochMilli());
                ps.setLong(6, account.passwordChangedAt().toEpochMilli());
                ps.setString(7, usernameKey(account.username()));
                ps.executeUpdate();
                return new CreateResult.Created(account);
            } catch (SQLException e) {
                if (tx.engine().isUniqueViolation(e)) {
                    c.rollback();
                    return new CreateResult.UsernameTaken(account.username());
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return findBy("account_id", accountId);
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return findBy("username_key", usernameKey(username));
    }

    private Optional<Account> findBy(String column, String value) {
        return tx.read("find an account", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Account>empty();
                    }
                    return Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        });
    }

    @Override
    public boolean replacePasswordHash(String accountId, String expectedHash, String newHash) {
        return tx.run("re-hash a password", c -> update(c,
                "UPDATE accounts SET password_hash = ? WHERE account_id = ? AND password_hash = ?",
                newHash, accountId, expectedHash) == 1);
    }

    @Override
    public boolean changePassword(String accountId, String newHash, Instant now) {
        return tx.run("change a password", c -> {
            int changed = update(c, "UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE account_id = ?",
                    newHash, now.toEpochMilli(), accountId);
            update(c, "UPDATE sign_ins SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                    now.toEpochMilli(), accountId);
            return changed == 1;
        });
    }

    @Override
    public boolean delete(String accountId) {
        return tx.run("delete an account", c -> deleteRecords(c, accountId));
    }

    /**
     * Deletes the account's rows, its sign-ins and its refresh tokens in the caller's transaction:
     * for a store whose records refer to accounts, and must go in the same transaction.
     *
     * @return false if there was no such account
     */
    public static boolean deleteRecords(Connection c, String accountId) throws SQLException {
        // Children first: the foreign keys hold on PostgreSQL (SQLite does not enforce them).
        update(c, "DELETE FROM refresh_tokens WHERE sign_in_id IN"
                + " (SELECT sign_in_id FROM sign_ins WHERE account_id = ?)", accountId);
        update(c, "DELETE FROM sign_ins WHERE account_id = ?", accountId);
        return update(c, "DELETE FROM accounts WHERE account_id = ?", accountId) == 1;
    }

    @Override
    public void startSignIn(String accountId, String signInId, String tokenHash, Instant now, Instant expiresAt) {
        tx.run("start a sign-in", c -> {
            update(c, "INSERT INTO sign_ins (sign_in_id, account_id, created_at) VALUES (?, ?, ?)",
                    signInId, accountId, now.toEpochMilli());
            insertToken(c, tokenHash, signInId, now, expiresAt);
            return null;
        });
    }

    @Override
    public Rotation rotate(String presentedHash, String newHash, Instant now, Instant newExpiresAt) {
        return tx.run("rotate a refresh token", c -> {
            // The conditional update is the arbiter between concurrent rotations of one token: only
            // one of them sees replaced_at still empty (PostgreSQL re-checks the row after the lock).
            int replaced = update(c, "UPDATE refresh_tokens SET replaced_at = ? WHERE token_hash = ?"
                    + " AND replaced_at IS NULL AND expires_at > ?"
                    + " AND sign_in_id IN (SELECT sign_in_id FROM sign_ins WHERE revoked_at IS NULL)",
                    now.toEpochMilli(), presentedHash, now.toEpochMilli());
            try (PreparedStatement ps = c.prepareStatement("SELECT s.sign_in_id, s.account_id, t.replaced_at"
                    + " FROM refresh_tokens t JOIN sign_ins s ON s.sign_in_id = t.sign_in_id WHERE t.token_hash = ?")) {
                ps.setString(1, presentedHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Rotation.Rejected();
                    }
                    String signInId = rs.getString(1);
                    String accountId = rs.getString(2);
                    rs.getLong(3);
                    boolean rotatedBefore = !rs.wasNull() && replaced == 0;
                    if (replaced == 1) {
                        insertToken(c, newHash, signInId, now, newExpiresAt);
                        return new Rotation.Rotated(accountId, signInId);
                    }
                    if (rotatedBefore) {
                        update(c, "UPDATE sign_ins SET revoked_at = ? WHERE sign_in_id = ? AND revoked_at IS NULL",
                                now.toEpochMilli(), signInId);
                        return new Rotation.Reused(accountId, signInId);
                    }
                    return new Rotation.Rejected();
                }
            }
        });
    }

    @Override
    public boolean revokeSignInOf(String tokenHash, Instant now) {
        return tx.run("revoke a sign-in", c -> {
            update(c, "UPDATE sign_ins SET revoked_at = ? WHERE revoked_at IS NULL AND sign_in_id IN"
                    + " (SELECT sign_in_id FROM refresh_tokens WHERE token_hash = ?)", now.toEpochMilli(), tokenHash);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM refresh_tokens WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean isSignInActive(String accountId, String signInId) {
        return tx.read("check a sign-in", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sign_ins"
                    + " WHERE sign_in_id = ? AND account_id = ? AND revoked_at IS NULL")) {
                ps.setString(1, signInId);
                ps.setString(2, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static void insertToken(Connection c, String hash, String signInId, Instant now, Instant expiresAt)
            throws SQLException {
        update(c, "INSERT INTO refresh_tokens (token_hash, sign_in_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                hash, signInId, now.toEpochMilli(), expiresAt.toEpochMilli());
    }
}
