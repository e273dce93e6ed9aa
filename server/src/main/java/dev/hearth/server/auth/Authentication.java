package dev.hearth.server.auth;

import dev.hearth.server.Signal;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.accounts.AccountStore;
import dev.hearth.store.accounts.CreateResult;
import dev.hearth.store.accounts.Rotation;
import dev.hearth.store.campaigns.AccountDeletion;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.CampaignStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sign-ins as the API offers them: register, log in, refresh, log out, change the
 * password, delete the account, and authenticate a bearer token. Transport-free: the HTTP
 * endpoints only decode, call, and encode.
 *
 * <p>A failed login says the same ("wrong username or password") and costs about the same (one
 * Argon2 hash) whether or not the account exists, and counts against the IP and the username alike,
 * so neither the answer, its timing nor the rate limit tells whether a username is registered.
 */
public final class Authentication {

    private static final Logger log = LoggerFactory.getLogger(Authentication.class);
    private static final Refusal WRONG_CREDENTIALS = Refusal.unauthenticated("Wrong username or password.");
    private static final Refusal NOT_SIGNED_IN = Refusal.unauthenticated(
            "Not signed in, or the sign-in has ended; log in again.");
    /** Longer than any username: longer input is refused before it is looked up or hashed. */
    private static final int USERNAME_INPUT_MAX = 64;

    // Bounds: an attacker may try a username 5 times, then waits 1 s, 2 s, 4 s, ... up to 15 minutes.
    static final AttemptLimiter.Policy LOGIN_PER_USERNAME = new AttemptLimiter.Policy(
            5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 100_000);
    static final AttemptLimiter.Policy LOGIN_PER_IP = new AttemptLimiter.Policy(
            20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 100_000);

    /** Registrations per IP: {@code free} of them, then 30 s, 60 s, ... up to an hour between each. */
    static AttemptLimiter.Policy registrationsPerIp(int free) {
        return new AttemptLimiter.Policy(free, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1), 100_000);
    }

    private final AccountStore accounts;
    private final CampaignStore campaigns;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuthSettings settings;
    private final InstantSource clock;
    private final AttemptLimiter loginsPerUsername = new AttemptLimiter(LOGIN_PER_USERNAME);
    private final AttemptLimiter loginsPerIp = new AttemptLimiter(LOGIN_PER_IP);
    private final AttemptLimiter registrationsPerIp;
    private final Signal<Optional<String>> revocations = new Signal<>();
    /** Checked against for unknown usernames, so that they cost what a wrong password costs. */
    private final String dummyHash;

    /** {@code campaigns} is asked to delete accounts: an owner's account stays until its campaigns are gone. */
    public Authentication(AccountStore accounts, CampaignStore campaigns, SigningKeyRing keys, AuthSettings settings,
            InstantSource clock) {
        SecureRandom random = new SecureRandom();
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.hasher = new PasswordHasher(settings.passwordHash(), random);
        this.accessTokens = new AccessTokens(keys, settings.issuer(), settings.audience(), settings.accessTokenTtl());
        this.refreshTokens = new RefreshTokens(random);
        this.settings = settings;
        this.registrationsPerIp = new AttemptLimiter(registrationsPerIp(settings.registrationsPerIp()));
        this.clock = clock;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    public AuthSettings settings() {
        return settings;
    }

    /**
     * Announces ended sign-ins, for the connections that must then close: the account whose
     * sign-ins changed, or empty when it is not known here (a logout presents only its refresh token).
     */
    public Signal<Optional<String>> revocations() {
        return revocations;
    }

    Outcome<SignedIn> register(Requests.Register r, String ip) {
        Instant now = clock.instant();
        Optional<Duration> blocked = registrationsPerIp.blockedFor(ip, now);
        if (blocked.isPresent()) {
            return Outcome.refused(Refusal.rateLimited(blocked.get()));
        }
        Optional<Refusal> invalid = AccountRules.username(r.username())
                .or(() -> AccountRules.displayName(r.displayName()))
                .or(() -> AccountRules.password("password", r.password()));
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        registrationsPerIp.count(ip, now);
        Account account = new Account(UUID.randomUUID().toString(), r.username(), r.displayName(),
                hasher.hash(r.password()), now, now);
        return switch (accounts.create(account)) {
            case CreateResult.Created created -> new Outcome.Done<>(startSignIn(created.account(), now));
            case CreateResult.UsernameTaken taken -> Outcome.refused(
                    Refusal.nameTaken("username", "This username is taken; choose another."));
        };
    }

    Outcome<SignedIn> login(Requests.Login r, String ip) {
        if (r.username() == null || r.password() == null || r.username().length() > USERNAME_INPUT_MAX
                || r.password().length() > AccountRules.PASSWORD_MAX) {
            return Outcome.refused(Refusal.badRequest("A login takes a username (at most " + USERNAME_INPUT_MAX
                    + " characters) and a password (at most " + AccountRules.PASSWORD_MAX + ")."));
        }
        Instant now = clock.instant();
        String userKey = r.username().toLowerCase(Locale.ROOT);
        Optional<Refusal> limited = limited(now, ip, userKey);
        if (limited.isPresent()) {
            return Outcome.refused(limited.get());
        }
        Optional<Account> found = accounts.findByUsername(r.username());
        PasswordHasher.Check check = hasher.check(r.password(), found.map(Account::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || check == PasswordHasher.Check.MISMATCH) {
            loginsPerIp.count(ip, now);
            loginsPerUsername.count(userKey, now);
            return Outcome.refused(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        // No reset per IP: one attacker's own account must not clear the count for their guesses at others.
        loginsPerUsername.forget(userKey);
        if (check == PasswordHasher.Check.MATCH_NEEDS_REHASH) {
            String stronger = hasher.hash(r.password());
            if (accounts.replacePasswordHash(account.id(), account.passwordHash(), stronger)) {
                log.info("password hash of account {} re-hashed with {}", account.id(), hasher.parameters());
            }
        }
        return new Outcome.Done<>(startSignIn(account, now));
    }

    private Optional<Refusal> limited(Instant now, String ip, String userKey) {
        Optional<Duration> byIp = loginsPerIp.blockedFor(ip, now);
        Optional<Duration> byUser = loginsPerUsername.blockedFor(userKey, now);
        return byIp.or(() -> byUser)
                .map(d -> byUser.filter(u -> u.compareTo(d) > 0).orElse(d))
                .map(Refusal::rateLimited);
    }

    Outcome<SignedIn> refresh(String refreshToken) {
        Instant now = clock.instant();
        String next = refreshTokens.newToken();
        Rotation rotation = accounts.rotate(RefreshTokens.hash(refreshToken), RefreshTokens.hash(next), now,
                now.plus(settings.refreshTokenTtl()));
        return switch (rotation) {
            case Rotation.Rotated rotated -> accounts.findById(rotated.accountId())
                    .<Outcome<SignedIn>>map(a -> new Outcome.Done<>(new SignedIn(a,
                            accessTokens.issue(a.id(), rotated.signInId(), now), next)))
                    .orElseGet(() -> Outcome.refused(NOT_SIGNED_IN));
            case Rotation.Reused reused -> {
                revocations.announce(Optional.of(reused.accountId()));
                log.warn("refresh token of sign-in {} (account {}) used twice: the sign-in is revoked",
                        reused.signInId(), reused.accountId());
                yield Outcome.refused(Refusal.unauthenticated("This sign-in was ended because its refresh token"
                        + " was used twice, which happens when it was copied; log in again."));
            }
            case Rotation.Rejected rejected -> Outcome.refused(NOT_SIGNED_IN);
        };
    }

    void logout(String refreshToken) {
        if (accounts.revokeSignInOf(RefreshTokens.hash(refreshToken), clock.instant())) {
            revocations.announce(Optional.empty());
        }
    }

    /** The account a bearer access token stands for, if the token is valid and its sign-in still active. */
    Outcome<Account> authenticate(String accessToken) {
        Instant now = clock.instant();
        return accessTokens.verify(accessToken, now)
                .filter(c -> accounts.isSignInActive(c.accountId(), c.signInId()))
                .flatMap(c -> accounts.findById(c.accountId()))
                .<Outcome<Account>>map(Outcome.Done::new)
                .orElseGet(() -> Outcome.refused(Refusal.unauthenticated(
                        "The access token is missing, invalid or expired; refresh it or log in again.")));
    }

    /**
     * Who a connection's access token stands for, with its sign-in and expiry: for WebSocket and SSE,
     * which hold on past one request and must close when the sign-in ends.
     */
    public Outcome<Identity> identify(String accessToken) {
        Instant now = clock.instant();
        return accessTokens.verify(accessToken, now)
                .filter(c -> accounts.isSignInActive(c.accountId(), c.signInId()))
                .flatMap(c -> accounts.findById(c.accountId())
                        .map(a -> new Identity(a, Optional.of(c.signInId()), Optional.of(c.expiresAt()))))
                .<Outcome<Identity>>map(Outcome.Done::new)
                .orElseGet(() -> Outcome.refused(Refusal.unauthenticated(
                        "The access token is missing, invalid or expired; refresh it or log in again.")));
    }

    /** True while the sign-in has not ended (logout, password change, reuse of its refresh token, deletion). */
    public boolean stillSignedIn(Identity identity) {
        return identity.signInId().map(s -> accounts.isSignInActive(identity.account().id(), s)).orElse(true);
    }

    Outcome<Account> changePassword(Account account, Requests.ChangePassword r, String ip) {
        Optional<Refusal> invalid = AccountRules.password("newPassword", r.newPassword());
        if (r.currentPassword() == null || r.currentPassword().length() > AccountRules.PASSWORD_MAX) {
            invalid = Optional.of(Refusal.invalid("currentPassword", "The current password is required."));
        }
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        Optional<Refusal> wrong = checkPassword(account, r.currentPassword(), ip);
        if (wrong.isPresent()) {
            return Outcome.refused(wrong.get());
        }
        accounts.changePassword(account.id(), hasher.hash(r.newPassword()), clock.instant());
        revocations.announce(Optional.of(account.id()));
        return new Outcome.Done<>(account);
    }

    Outcome<Account> delete(Account account, Requests.DeleteAccount r, String ip) {
        if (r.password() == null || r.password().length() > AccountRules.PASSWORD_MAX) {
            return Outcome.refused(Refusal.invalid("password", "The account's password is required."));
        }
        Optional<Refusal> wrong = checkPassword(account, r.password(), ip);
        if (wrong.isPresent()) {
            return Outcome.refused(wrong.get());
        }
        return switch (campaigns.deleteAccount(account.id())) {
            // Gone either way: a deletion that raced with this one leaves the caller signed out too.
            case AccountDeletion.Deleted deleted -> {
                revocations.announce(Optional.of(account.id()));
                yield Outcome.done(account);
            }
            case AccountDeletion.NoSuchAccount gone -> Outcome.done(account);
            case AccountDeletion.OwnsCampaigns owns -> Outcome.refused(ownerOf(owns.campaigns()));
        };
    }

    /** Names every campaign in the way, so that the owner knows what to transfer or delete first. */
    private static Refusal ownerOf(List<Campaign> owned) {
        String names = owned.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
        List<Map<String, Object>> listed = owned.stream()
                .<Map<String, Object>>map(c -> Map.of("id", c.id(), "name", c.name())).toList();
        return Refusal.conflict("This account owns " + (owned.size() == 1 ? "the campaign " : "the campaigns ") + names
                + "; transfer each to another GM or delete it, then delete the account.", "owns_campaigns",
                Map.of("campaigns", listed));
    }

    /** Re-authentication for a sensitive change, limited like a login: a stolen access token must not become a password oracle. */
    private Optional<Refusal> checkPassword(Account account, String password, String ip) {
        Instant now = clock.instant();
        String userKey = account.username().toLowerCase(Locale.ROOT);
        Optional<Refusal> limited = limited(now, ip, userKey);
        if (limited.isPresent()) {
            return limited;
        }
        if (hasher.check(password, account.passwordHash()) == PasswordHasher.Check.MISMATCH) {
            loginsPerIp.count(ip, now);
            loginsPerUsername.count(userKey, now);
            return Optional.of(Refusal.unauthenticated("Wrong password."));
        }
        return Optional.empty();
    }

    private SignedIn startSignIn(Account account, Instant now) {
        String signInId = UUID.randomUUID().toString();
        String refreshToken = refreshTokens.newToken();
        accounts.startSignIn(account.id(), signInId, RefreshTokens.hash(refreshToken), now,
                now.plus(settings.refreshTokenTtl()));
        return new SignedIn(account, accessTokens.issue(account.id(), signInId, now), refreshToken);
    }
}
