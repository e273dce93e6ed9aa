package dev.hearth.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link AccountStore} contract, run against every engine. A subclass names its engine: each
 * test gets a fresh database of it.
 */
abstract class AccountStoreContract {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));

    /** This test's database. */
    @RegisterExtension
    final TestStore db;

    protected AccountStoreContract(TestStore db) {
        this.db = db;
    }

    /** The store on this test's database. */
    protected AccountStore store() {
        return db.events().accounts();
    }

    static Account account(String username) {
        return new Account(UUID.randomUUID().toString(), username, "The " + username, "$hash$" + username, NOW, NOW);
    }

    Account created(String username) {
        Account account = account(username);
        assertThat(store().create(account)).isEqualTo(new CreateResult.Created(account));
        return account;
    }

    String signIn(Account account, String tokenHash) {
        String signInId = UUID.randomUUID().toString();
        store().startSignIn(account.id(), signInId, tokenHash, NOW, IN_A_WEEK);
        return signInId;
    }

    @Test
    void a_created_account_is_found_by_id_and_by_username_in_any_case() {
        Account alice = created("alice");

        assertThat(store().findById(alice.id())).contains(alice);
        assertThat(store().findByUsername("alice")).contains(alice);
        assertThat(store().findByUsername("ALICE")).contains(alice);
        assertThat(store().findByUsername("bob")).isEmpty();
        assertThat(store().findById("no-such-id")).isEmpty();
    }

    @Test
    void a_username_taken_in_another_case_is_refused_and_the_first_account_stays() {
        Account first = created("Alice");
        Account second = account("aLICE");

        assertThat(store().create(second)).isEqualTo(new CreateResult.UsernameTaken("aLICE"));
        assertThat(store().findByUsername("alice")).contains(first);
        assertThat(store().findById(second.id())).isEmpty();
    }

    @Test
    void of_concurrent_registrations_of_one_username_exactly_one_succeeds() throws Exception {
        List<CreateResult> results = concurrently(8, i -> store().create(account("dora")));

        assertThat(results).filteredOn(CreateResult.Created.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CreateResult.UsernameTaken.class::isInstance).hasSize(7);
    }

    @Test
    void sql_and_script_text_in_names_is_stored_and_returned_verbatim() {
        Account tricky = new Account("id-1", "x'); DROP TABLE accounts;--", "<script>alert(1)</script>' OR '1'='1",
                "h", NOW, NOW);

        assertThat(store().create(tricky)).isInstanceOf(CreateResult.Created.class);
        assertThat(store().findByUsername("X'); DROP TABLE accounts;--")).contains(tricky);
        assertThat(store().findById("id-1")).contains(tricky);
    }

    @Test
    void replacing_a_password_hash_succeeds_only_while_the_hash_is_the_expected_one() {
        Account alice = created("alice");
        String signInId = signIn(alice, "t1");

        assertThat(store().replacePasswordHash(alice.id(), "not-the-hash", "new")).isFalse();
        assertThat(store().findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(store().replacePasswordHash(alice.id(), alice.passwordHash(), "new")).isTrue();
        assertThat(store().findById(alice.id()).orElseThrow().passwordHash()).isEqualTo("new");
        assertThat(store().isSignInActive(alice.id(), signInId)).isTrue();
    }

    @Test
    void changing_a_password_revokes_every_sign_in_of_the_account_only() {
        Account alice = created("alice");
        Account bob = created("bob");
        String laptop = signIn(alice, "a1");
        String phone = signIn(alice, "a2");
        String bobs = signIn(bob, "b1");
        Instant later = NOW.plusSeconds(60);

        assertThat(store().changePassword(alice.id(), "new-hash", later)).isTrue();

        Account after = store().findById(alice.id()).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("new-hash");
        assertThat(after.passwordChangedAt()).isEqualTo(later);
        assertThat(store().isSignInActive(alice.id(), laptop)).isFalse();
        assertThat(store().isSignInActive(alice.id(), phone)).isFalse();
        assertThat(store().rotate("a1", "a1'", later, IN_A_WEEK)).isEqualTo(new Rotation.Rejected());
        assertThat(store().isSignInActive(bob.id(), bobs)).isTrue();
        assertThat(store().changePassword("no-such-id", "h", later)).isFalse();
    }

    @Test
    void deleting_an_account_deletes_its_sign_ins_and_tokens_and_frees_the_username() {
        Account alice = created("alice");
        String signInId = signIn(alice, "a1");

        assertThat(store().delete(alice.id())).isTrue();

        assertThat(store().findById(alice.id())).isEmpty();
        assertThat(store().isSignInActive(alice.id(), signInId)).isFalse();
        assertThat(store().rotate("a1", "a2", NOW, IN_A_WEEK)).isEqualTo(new Rotation.Rejected());
        assertThat(store().delete(alice.id())).isFalse();
        created("alice");
    }

    @Test
    void a_current_token_rotates_and_its_successor_is_current() {
        Account alice = created("alice");
        String signInId = signIn(alice, "t1");

        assertThat(store().rotate("t1", "t2", NOW.plusSeconds(1), IN_A_WEEK))
                .isEqualTo(new Rotation.Rotated(alice.id(), signInId));
        assertThat(store().rotate("t2", "t3", NOW.plusSeconds(2), IN_A_WEEK))
                .isEqualTo(new Rotation.Rotated(alice.id(), signInId));
        assertThat(store().isSignInActive(alice.id(), signInId)).isTrue();
    }

    @Test
    void a_reused_token_revokes_its_whole_sign_in_so_the_newer_token_stops_working() {
        Account alice = created("alice");
        String stolen = signIn(alice, "t1");
        String otherDevice = signIn(alice, "o1");
        store().rotate("t1", "t2", NOW.plusSeconds(1), IN_A_WEEK);

        assertThat(store().rotate("t1", "evil", NOW.plusSeconds(2), IN_A_WEEK))
                .isEqualTo(new Rotation.Reused(alice.id(), stolen));

        assertThat(store().isSignInActive(alice.id(), stolen)).isFalse();
        assertThat(store().rotate("t2", "t3", NOW.plusSeconds(3), IN_A_WEEK)).isEqualTo(new Rotation.Rejected());
        assertThat(store().rotate("evil", "x", NOW.plusSeconds(3), IN_A_WEEK)).isEqualTo(new Rotation.Rejected());
        assertThat(store().isSignInActive(alice.id(), otherDevice)).isTrue();
    }

    @Test
    void an_expired_or_unknown_token_is_rejected_and_changes_nothing() {
        Account alice = created("alice");
        String signInId = signIn(alice, "t1");

        assertThat(store().rotate("t1", "t2", IN_A_WEEK, IN_A_WEEK.plusSeconds(60))).isEqualTo(new Rotation.Rejected());
        assertThat(store().rotate("unknown", "t2", NOW, IN_A_WEEK)).isEqualTo(new Rotation.Rejected());

        assertThat(store().isSignInActive(alice.id(), signInId)).isTrue();
        assertThat(store().rotate("t1", "t2", NOW.plusSeconds(1), IN_A_WEEK)).isInstanceOf(Rotation.Rotated.class);
    }

    @Test
    void revoking_by_any_token_of_a_sign_in_ends_it() {
        Account alice = created("alice");
        String signInId = signIn(alice, "t1");
        store().rotate("t1", "t2", NOW, IN_A_WEEK);

        assertThat(store().revokeSignInOf("t1", NOW)).isTrue();

        assertThat(store().isSignInActive(alice.id(), signInId)).isFalse();
        assertThat(store().rotate("t2", "t3", NOW, IN_A_WEEK)).isEqualTo(new Rotation.Rejected());
        assertThat(store().revokeSignInOf("unknown", NOW)).isFalse();
    }

    @Test
    void a_sign_in_is_active_only_for_its_own_account() {
        Account alice = created("alice");
        Account bob = created("bob");
        String signInId = signIn(alice, "t1");

        assertThat(store().isSignInActive(bob.id(), signInId)).isFalse();
    }

    @Test
    void of_concurrent_rotations_of_one_token_at_most_one_succeeds() throws Exception {
        Account alice = created("alice");
        signIn(alice, "t1");

        List<Rotation> results = concurrently(6, i -> store().rotate("t1", "next-" + i, NOW.plusSeconds(1), IN_A_WEEK));

        assertThat(results).filteredOn(Rotation.Rotated.class::isInstance).hasSizeLessThanOrEqualTo(1);
    }

    interface Attempt<T> {
        T run(int i) throws Exception;
    }

    static <T> List<T> concurrently(int n, Attempt<T> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
