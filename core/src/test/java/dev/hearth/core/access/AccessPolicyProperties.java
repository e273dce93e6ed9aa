package dev.hearth.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the table that must survive every permission added later. */
class AccessPolicyProperties {

    final AccessPolicy policy = new AccessPolicy();

    @Provide
    Arbitrary<Standing> standings() {
        return Arbitraries.oneOf(
                Arbitraries.of(Role.class).map(r -> new Standing.Member(r, false)),
                Arbitraries.just(new Standing.Member(Role.GM, true)),
                Arbitraries.just(Standing.outsider()));
    }

    @Property
    void a_spectator_is_never_granted_a_write(@ForAll Permission permission) {
        Decision d = policy.decide(new Standing.Member(Role.SPECTATOR, false), permission);
        if (permission.writes()) {
            assertThat(d.allowed()).isFalse();
        }
    }

    @Property
    void a_gm_has_every_permission_a_player_has_and_a_player_every_one_a_spectator_has(@ForAll Permission p) {
        boolean spectator = policy.decide(new Standing.Member(Role.SPECTATOR, false), p).allowed();
        boolean player = policy.decide(new Standing.Member(Role.PLAYER, false), p).allowed();
        boolean gm = policy.decide(new Standing.Member(Role.GM, false), p).allowed();
        assertThat(!spectator || player).as("spectator implies player").isTrue();
        assertThat(!player || gm).as("player implies gm").isTrue();
    }

    @Property
    void the_owner_has_every_permission_and_an_outsider_none(@ForAll Permission p) {
        assertThat(policy.decide(new Standing.Member(Role.GM, true), p).allowed()).isTrue();
        assertThat(policy.decide(Standing.outsider(), p).allowed()).isFalse();
    }

    @Property
    void decide_agrees_with_permissions_and_a_denial_always_has_a_reason(
            @ForAll("standings") Standing standing, @ForAll Permission p) {
        Decision d = policy.decide(standing, p);
        assertThat(d.allowed()).isEqualTo(policy.permissions(standing).contains(p));
        if (d instanceof Decision.Denied denied) {
            assertThat(denied.reason()).isNotBlank();
        }
    }
}
