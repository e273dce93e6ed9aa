package dev.hearth.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The table, spelled out once more by hand: a change to the policy must change this test too. */
class AccessPolicyTest {

    final AccessPolicy policy = new AccessPolicy();
    static final Standing OWNER = new Standing.Member(Role.GM, true);
    static final Standing CO_GM = new Standing.Member(Role.GM, false);
    static final Standing PLAYER = new Standing.Member(Role.PLAYER, false);
    static final Standing SPECTATOR = new Standing.Member(Role.SPECTATOR, false);

    @Test
    void the_seed_matrix_view_for_all_draw_move_and_chat_for_players_and_gms_clear_fog_and_announce_for_gms() {
        assertThat(policy.permissions(SPECTATOR)).containsExactlyInAnyOrder(
                Permission.VIEW_CANVAS, Permission.VIEW_CAMPAIGN, Permission.LIST_SESSIONS);
        assertThat(policy.permissions(PLAYER)).containsExactlyInAnyOrder(
                Permission.VIEW_CANVAS, Permission.VIEW_CAMPAIGN, Permission.LIST_SESSIONS,
                Permission.DRAW, Permission.MOVE_TOKEN, Permission.CHAT, Permission.ROLL, Permission.COMBAT);
        assertThat(policy.permissions(CO_GM)).isEqualTo(EnumSet.complementOf(EnumSet.of(
                Permission.MANAGE_GMS, Permission.TRANSFER_OWNERSHIP, Permission.DELETE_CAMPAIGN)));
        assertThat(policy.permissions(OWNER)).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void an_outsider_has_nothing_and_is_told_it_is_not_a_member() {
        assertThat(policy.permissions(Standing.outsider())).isEmpty();
        for (Permission p : Permission.values()) {
            assertThat(policy.decide(Standing.outsider(), p)).isInstanceOfSatisfying(Decision.Denied.class,
                    d -> assertThat(d.code()).isEqualTo(Denial.NOT_A_MEMBER));
        }
    }

    @Test
    void managing_the_map_is_for_gms_and_a_player_is_told_so_in_words() {
        assertThat(policy.decide(CO_GM, Permission.MANAGE_MAP).allowed()).isTrue();
        assertThat(policy.decide(PLAYER, Permission.MANAGE_MAP))
                .isEqualTo(new Decision.Denied(Denial.ROLE_LACKS_PERMISSION, "A player may not manage the map."));
        assertThat(policy.decide(SPECTATOR, Permission.MANAGE_MAP).allowed()).isFalse();
    }

    @Test
    void a_co_gm_asking_for_an_owner_permission_is_denied_as_owner_only() {
        assertThat(policy.decide(CO_GM, Permission.TRANSFER_OWNERSHIP))
                .isEqualTo(new Decision.Denied(Denial.OWNER_ONLY, "Only the campaign's owner may transfer ownership."));
        assertThat(policy.decide(OWNER, Permission.TRANSFER_OWNERSHIP).allowed()).isTrue();
    }

    @Test
    void a_player_asking_for_a_gm_permission_is_denied_for_its_role() {
        assertThat(policy.decide(PLAYER, Permission.CLEAR_CANVAS))
                .isEqualTo(new Decision.Denied(Denial.ROLE_LACKS_PERMISSION, "A player may not clear the table."));
        assertThat(policy.decide(PLAYER, Permission.MOVE_TOKEN).allowed()).isTrue();
    }

    @Test
    void only_a_gm_can_be_the_owner() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Standing.Member(Role.PLAYER, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roles_have_stable_lower_case_ids() {
        assertThat(Role.GM.id()).isEqualTo("gm");
        assertThat(Role.byId("spectator")).contains(Role.SPECTATOR);
        assertThat(Role.byId("GM")).isEmpty();
        assertThat(Role.byId("owner")).isEmpty();
    }
}
