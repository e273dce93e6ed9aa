package dev.hearth.store.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.access.Standing;
import dev.hearth.core.session.SessionId;
import dev.hearth.store.TestStore;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.accounts.AccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link CampaignStore} contract, run against every engine. A subclass names its engine: each
 * test gets a fresh database of it.
 */
abstract class CampaignStoreContract {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    /** This test's database. */
    @RegisterExtension
    final TestStore db;

    protected CampaignStoreContract(TestStore db) {
        this.db = db;
    }

    protected CampaignStore store() {
        return db.events().campaigns();
    }

    protected AccountStore accounts() {
        return db.events().accounts();
    }

    String account(String username) {
        Account a = new Account(UUID.randomUUID().toString(), username, "The " + username, "h", NOW, NOW);
        accounts().create(a);
        return a.id();
    }

    Campaign campaign(String ownerId) {
        Campaign c = new Campaign(UUID.randomUUID().toString(), "Curse of the Crimson Keep", ownerId, NOW);
        store().create(c);
        return c;
    }

    Invite invite(Campaign c, Role role, int maxUses, String codeHash) {
        Invite invite = new Invite(UUID.randomUUID().toString(), c.id(), role, c.ownerId(), NOW, TOMORROW, maxUses, 0,
                Optional.empty());
        assertThat(store().createInvite(invite, codeHash)).isTrue();
        return invite;
    }

    /** A campaign whose owner invited {@code role}, and the account that joined with it. */
    String joined(Campaign c, Role role) {
        String id = account("m" + UUID.randomUUID().toString().substring(0, 8));
        String hash = "hash-" + UUID.randomUUID();
        invite(c, role, 1, hash);
        assertThat(store().accept(hash, id, NOW)).isEqualTo(new Acceptance.Joined(c.id(), role));
        return id;
    }

    @Test
    void a_created_campaign_has_its_owner_as_its_one_gm() {
        String owner = account("olga");
        Campaign c = campaign(owner);

        assertThat(store().find(c.id())).contains(c);
        assertThat(store().standing(c.id(), owner)).isEqualTo(new Standing.Member(Role.GM, true));
        assertThat(store().members(c.id())).containsExactly(new Member(owner, "The olga", Role.GM, true, NOW));
        assertThat(store().campaignsOf(owner)).containsExactly(new Membership(c, Role.GM));
    }

    @Test
    void outsiders_stand_alike_before_a_campaign_that_exists_and_one_that_does_not() {
        Campaign c = campaign(account("olga"));
        String stranger = account("sam");

        assertThat(store().standing(c.id(), stranger)).isEqualTo(Standing.outsider());
        assertThat(store().standing("no-such-campaign", stranger)).isEqualTo(Standing.outsider());
        assertThat(store().find("no-such-campaign")).isEmpty();
        assertThat(store().campaignsOf(stranger)).isEmpty();
    }

    @Test
    void accepting_an_invite_joins_with_its_role_and_uses_it_up() {
        Campaign c = campaign(account("olga"));
        invite(c, Role.PLAYER, 1, "h1");
        String pia = account("pia");
        String quinn = account("quinn");

        assertThat(store().accept("h1", pia, NOW)).isEqualTo(new Acceptance.Joined(c.id(), Role.PLAYER));
        assertThat(store().standing(c.id(), pia)).isEqualTo(new Standing.Member(Role.PLAYER, false));
        assertThat(store().accept("h1", quinn, NOW))
                .isEqualTo(new Acceptance.Refused(Acceptance.Reason.EXHAUSTED));
        assertThat(store().standing(c.id(), quinn)).isEqualTo(Standing.outsider());
        assertThat(store().invites(c.id()).getFirst().uses()).isEqualTo(1);
    }

    @Test
    void a_member_accepting_again_keeps_its_role_and_consumes_no_use() {
        Campaign c = campaign(account("olga"));
        String spec = joined(c, Role.SPECTATOR);
        invite(c, Role.GM, 1, "gm-invite");

        assertThat(store().accept("gm-invite", spec, NOW)).isEqualTo(new Acceptance.AlreadyMember(c.id(), Role.SPECTATOR));
        assertThat(store().accept("gm-invite", c.ownerId(), NOW)).isEqualTo(new Acceptance.AlreadyMember(c.id(), Role.GM));
        assertThat(store().standing(c.id(), spec)).isEqualTo(new Standing.Member(Role.SPECTATOR, false));
        assertThat(store().invites(c.id())).filteredOn(i -> i.role() == Role.GM).singleElement()
                .satisfies(i -> assertThat(i.uses()).isZero());
    }

    @Test
    void expired_revoked_and_unknown_invites_are_refused_and_change_nothing() {
        Campaign c = campaign(account("olga"));
        Invite revoked = invite(c, Role.PLAYER, 5, "revoked");
        invite(c, Role.PLAYER, 5, "expiring");
        String pia = account("pia");

        assertThat(store().revokeInvite(c.id(), revoked.id(), NOW)).isTrue();
        assertThat(store().accept("revoked", pia, NOW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.REVOKED));
        assertThat(store().accept("expiring", pia, TOMORROW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.EXPIRED));
        assertThat(store().accept("nope", pia, NOW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.UNKNOWN));
        assertThat(store().standing(c.id(), pia)).isEqualTo(Standing.outsider());
        assertThat(store().invites(c.id())).allSatisfy(i -> assertThat(i.uses()).isZero());
        assertThat(store().invites(c.id())).filteredOn(i -> i.id().equals(revoked.id())).singleElement()
                .satisfies(i -> assertThat(i.revokedAt()).contains(NOW));
    }

    @Test
    void revoking_answers_false_for_an_invite_of_another_campaign_and_leaves_it_alone() {
        Campaign mine = campaign(account("olga"));
        Campaign theirs = campaign(account("theo"));
        Invite other = invite(theirs, Role.PLAYER, 1, "theirs");

        assertThat(store().revokeInvite(mine.id(), other.id(), NOW)).isFalse();
        assertThat(store().invites(theirs.id()).getFirst().revokedAt()).isEmpty();
    }

    @Test
    void a_banned_account_is_removed_and_cannot_rejoin_by_any_invite() {
        Campaign c = campaign(account("olga"));
        String pia = joined(c, Role.PLAYER);
        invite(c, Role.SPECTATOR, 10, "open");

        assertThat(store().remove(c.id(), pia, Role.PLAYER, true, NOW)).isEqualTo(MemberChange.DONE);

        assertThat(store().standing(c.id(), pia)).isEqualTo(Standing.outsider());
        assertThat(store().accept("open", pia, NOW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.BANNED));
        assertThat(store().invites(c.id())).filteredOn(i -> i.maxUses() == 10).singleElement()
                .satisfies(i -> assertThat(i.uses()).isZero());
    }

    @Test
    void a_removed_but_not_banned_account_can_rejoin() {
        Campaign c = campaign(account("olga"));
        String pia = joined(c, Role.PLAYER);
        invite(c, Role.SPECTATOR, 1, "again");

        assertThat(store().remove(c.id(), pia, Role.PLAYER, false, NOW)).isEqualTo(MemberChange.DONE);
        assertThat(store().accept("again", pia, NOW)).isEqualTo(new Acceptance.Joined(c.id(), Role.SPECTATOR));
    }

    @Test
    void the_owner_can_be_neither_demoted_nor_removed_so_the_last_gm_stays() {
        String owner = account("olga");
        Campaign c = campaign(owner);

        assertThat(store().changeRole(c.id(), owner, Role.GM, Role.PLAYER)).isEqualTo(MemberChange.OWNER_STAYS_GM);
        assertThat(store().remove(c.id(), owner, Role.GM, false, NOW)).isEqualTo(MemberChange.OWNER_STAYS_GM);
        assertThat(store().remove(c.id(), owner, Role.GM, true, NOW)).isEqualTo(MemberChange.OWNER_STAYS_GM);
        assertThat(store().members(c.id())).extracting(Member::role).containsExactly(Role.GM);
    }

    @Test
    void a_role_changes_only_while_it_is_the_expected_one() {
        Campaign c = campaign(account("olga"));
        String pia = joined(c, Role.PLAYER);

        assertThat(store().changeRole(c.id(), pia, Role.SPECTATOR, Role.GM)).isEqualTo(MemberChange.STALE);
        assertThat(store().changeRole(c.id(), pia, Role.PLAYER, Role.GM)).isEqualTo(MemberChange.DONE);
        assertThat(store().standing(c.id(), pia)).isEqualTo(new Standing.Member(Role.GM, false));
        assertThat(store().remove(c.id(), pia, Role.PLAYER, false, NOW)).isEqualTo(MemberChange.STALE);
        assertThat(store().changeRole(c.id(), account("sam"), Role.PLAYER, Role.GM)).isEqualTo(MemberChange.NOT_A_MEMBER);
        assertThat(store().changeRole("no-such-campaign", pia, Role.PLAYER, Role.GM)).isEqualTo(MemberChange.NOT_A_MEMBER);
    }

    @Test
    void ownership_goes_only_to_another_gm_and_only_from_the_current_owner() {
        String owner = account("olga");
        Campaign c = campaign(owner);
        String pia = joined(c, Role.PLAYER);
        String gwen = joined(c, Role.GM);

        assertThat(store().transferOwnership(c.id(), owner, pia)).isEqualTo(MemberChange.NOT_A_GM);
        assertThat(store().transferOwnership(c.id(), owner, account("sam"))).isEqualTo(MemberChange.NOT_A_MEMBER);
        assertThat(store().transferOwnership(c.id(), gwen, gwen)).isEqualTo(MemberChange.STALE);
        assertThat(store().transferOwnership(c.id(), owner, gwen)).isEqualTo(MemberChange.DONE);

        assertThat(store().standing(c.id(), gwen)).isEqualTo(new Standing.Member(Role.GM, true));
        assertThat(store().standing(c.id(), owner)).isEqualTo(new Standing.Member(Role.GM, false));
        assertThat(store().changeRole(c.id(), owner, Role.GM, Role.PLAYER)).isEqualTo(MemberChange.DONE);
    }

    @Test
    void sessions_belong_to_their_campaign_and_are_listed_oldest_first() {
        Campaign c = campaign(account("olga"));
        GameSession first = new GameSession(SessionId.random(), c.id(), "Session 1", NOW);
        GameSession second = new GameSession(SessionId.random(), c.id(), "Session 2", NOW.plusSeconds(60));

        assertThat(store().createSession(second)).isTrue();
        assertThat(store().createSession(first)).isTrue();
        assertThat(store().createSession(new GameSession(SessionId.random(), "no-such-campaign", "x", NOW))).isFalse();

        assertThat(store().sessions(c.id())).containsExactly(first, second);
        assertThat(store().sessions("no-such-campaign")).isEmpty();
    }

    @Test
    void a_session_is_found_by_its_id_with_its_campaign() {
        Campaign c = campaign(account("olga"));
        GameSession session = new GameSession(SessionId.random(), c.id(), "Session 1", NOW);
        store().createSession(session);
        store().createSession(new GameSession(SessionId.random(), c.id(), "Session 2", NOW));

        assertThat(store().findSession(session.id())).contains(session);
        assertThat(store().findSession(SessionId.random())).isEmpty();
    }

    @Test
    void a_session_is_not_found_once_its_campaign_is_deleted() {
        Campaign c = campaign(account("olga"));
        GameSession session = new GameSession(SessionId.random(), c.id(), "Session 1", NOW);
        store().createSession(session);

        assertThat(store().delete(c.id())).isTrue();

        assertThat(store().findSession(session.id())).isEmpty();
    }

    @Test
    void sql_and_script_text_in_names_is_stored_and_returned_verbatim() {
        String owner = account("olga");
        String name = "x'); DROP TABLE campaigns;-- <script>alert(1)</script> \" \\ \u00e9\u6f22";
        Campaign c = new Campaign(UUID.randomUUID().toString(), name, owner, NOW);
        store().create(c);
        GameSession s = new GameSession(SessionId.random(), c.id(), name, NOW);
        store().createSession(s);

        assertThat(store().find(c.id())).contains(c);
        assertThat(store().sessions(c.id())).containsExactly(s);
    }

    @Test
    void deleting_a_campaign_deletes_everything_it_holds() {
        Campaign c = campaign(account("olga"));
        String pia = joined(c, Role.PLAYER);
        String banned = joined(c, Role.PLAYER);
        store().remove(c.id(), banned, Role.PLAYER, true, NOW);
        invite(c, Role.PLAYER, 3, "left-over");
        store().createSession(new GameSession(SessionId.random(), c.id(), "S", NOW));

        assertThat(store().delete(c.id())).isTrue();

        assertThat(store().find(c.id())).isEmpty();
        assertThat(store().standing(c.id(), pia)).isEqualTo(Standing.outsider());
        assertThat(store().campaignsOf(pia)).isEmpty();
        assertThat(store().invites(c.id())).isEmpty();
        assertThat(store().sessions(c.id())).isEmpty();
        assertThat(store().accept("left-over", pia, NOW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.UNKNOWN));
        assertThat(store().delete(c.id())).isFalse();
    }

    @Test
    void concurrent_accepts_never_exceed_the_use_limit() throws Exception {
        Campaign c = campaign(account("olga"));
        invite(c, Role.PLAYER, 3, "three");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(account("p" + i));
        }

        List<Acceptance> results = concurrently(people.size(), i -> store().accept("three", people.get(i), NOW));

        assertThat(results).filteredOn(Acceptance.Joined.class::isInstance).hasSize(3);
        assertThat(results).filteredOn(r -> r.equals(new Acceptance.Refused(Acceptance.Reason.EXHAUSTED))).hasSize(5);
        assertThat(store().members(c.id())).hasSize(4);
        assertThat(store().invites(c.id()).getFirst().uses()).isEqualTo(3);
    }

    @Test
    void concurrent_demotions_of_every_gm_leave_the_owner_a_gm() throws Exception {
        String owner = account("olga");
        Campaign c = campaign(owner);
        List<String> gms = new ArrayList<>(List.of(owner));
        for (int i = 0; i < 4; i++) {
            gms.add(joined(c, Role.GM));
        }

        List<MemberChange> results = concurrently(gms.size(),
                i -> store().changeRole(c.id(), gms.get(i), Role.GM, Role.PLAYER));

        assertThat(results).containsOnlyOnce(MemberChange.OWNER_STAYS_GM);
        assertThat(store().members(c.id())).filteredOn(m -> m.role() == Role.GM).extracting(Member::accountId)
                .containsExactly(owner);
    }

    interface Indexed<T> {
        T call(int i) throws Exception;
    }

    static <T> List<T> concurrently(int n, Indexed<T> task) throws Exception {
        try (var pool = Executors.newFixedThreadPool(n)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.call(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Test
    void an_account_that_owns_campaigns_is_not_deleted_and_is_told_which() {
        String olga = account("olga");
        Campaign first = campaign(olga);
        Campaign second = campaign(olga);
        String pia = joined(first, Role.PLAYER);

        // Oldest first; these two are as old as each other, so by id.
        List<Campaign> owned = first.id().compareTo(second.id()) < 0 ? List.of(first, second) : List.of(second, first);

        assertThat(store().deleteAccount(olga)).isEqualTo(new AccountDeletion.OwnsCampaigns(owned));

        assertThat(accounts().findById(olga)).isPresent();
        assertThat(store().standing(first.id(), olga)).isEqualTo(new Standing.Member(Role.GM, true));
        assertThat(store().members(first.id())).extracting(Member::accountId).containsExactlyInAnyOrder(olga, pia);
    }

    @Test
    void deleting_an_account_removes_its_memberships_and_bans_and_keeps_the_campaigns() {
        String olga = account("olga");
        Campaign keep = campaign(olga);
        Campaign tavern = campaign(olga);
        String pia = joined(keep, Role.GM);
        invite(tavern, Role.PLAYER, 1, "tavern");
        assertThat(store().accept("tavern", pia, NOW)).isEqualTo(new Acceptance.Joined(tavern.id(), Role.PLAYER));
        assertThat(store().remove(tavern.id(), pia, Role.PLAYER, true, NOW)).isEqualTo(MemberChange.DONE);

        assertThat(store().deleteAccount(pia)).isEqualTo(new AccountDeletion.Deleted());

        assertThat(accounts().findById(pia)).isEmpty();
        assertThat(store().campaignsOf(pia)).isEmpty();
        assertThat(store().standing(keep.id(), pia)).isEqualTo(Standing.outsider());
        assertThat(store().members(keep.id())).extracting(Member::accountId).containsExactly(olga);
        assertThat(store().find(tavern.id())).contains(tavern);
        assertThat(store().deleteAccount(pia)).isEqualTo(new AccountDeletion.NoSuchAccount());
    }

    @Test
    void an_owner_who_transferred_every_campaign_can_be_deleted() {
        String olga = account("olga");
        Campaign c = campaign(olga);
        String gwen = joined(c, Role.GM);
        assertThat(store().transferOwnership(c.id(), olga, gwen)).isEqualTo(MemberChange.DONE);

        assertThat(store().deleteAccount(olga)).isEqualTo(new AccountDeletion.Deleted());

        assertThat(store().members(c.id())).extracting(Member::accountId).containsExactly(gwen);
        assertThat(store().standing(c.id(), gwen)).isEqualTo(new Standing.Member(Role.GM, true));
    }

    @Test
    void a_deleted_account_neither_creates_campaigns_nor_accepts_invites() {
        String olga = account("olga");
        Campaign c = campaign(olga);
        invite(c, Role.PLAYER, 5, "open");
        String sam = account("sam");
        assertThat(store().deleteAccount(sam)).isEqualTo(new AccountDeletion.Deleted());

        assertThat(store().create(new Campaign(UUID.randomUUID().toString(), "Orphan", sam, NOW))).isFalse();
        assertThat(store().accept("open", sam, NOW)).isEqualTo(new Acceptance.Refused(Acceptance.Reason.UNKNOWN));
        assertThat(store().campaignsOf(sam)).isEmpty();
        assertThat(store().invites(c.id()).getFirst().uses()).isZero();
    }
}
