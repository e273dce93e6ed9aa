package dev.hearth.core.combat;

import static dev.hearth.core.combat.Fight.GM;
import static dev.hearth.core.combat.Fight.PAUL;
import static dev.hearth.core.combat.Fight.PIA;
import static dev.hearth.core.combat.Fight.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What players see of hidden combatants and of hit points that are not theirs to know. */
class RedactionTest {

    /** Runs a command as the GM and pairs each event with its visibility, judged on the state before it. */
    static List<Map.Entry<CombatEvent, Visibility>> seen(Fight fight, CombatCommand command) {
        Encounter before = fight.state;
        List<Map.Entry<CombatEvent, Visibility>> out = new ArrayList<>();
        for (CombatEvent event : fight.gm(command)) {
            out.add(Map.entry(event, CombatVisibility.of(event, before)));
            before = fight.combat.apply(before, event);
        }
        return out;
    }

    static List<CombatEvent> forPlayer(List<Map.Entry<CombatEvent, Visibility>> seen, String userId) {
        return seen.stream().filter(e -> e.getValue().allows(userId, Role.PLAYER)).map(Map.Entry::getKey).toList();
    }

    @Test
    void health_descriptors_follow_documented_thresholds() {
        Fight fight = Fight.started();
        String orc = fight.npc("Orc", 100, 0);
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.HEALTHY);
        // 99 injured; 50 bloodied (half is bloodied); 26 bloodied (above a quarter); 25 critical; 0 dead.
        fight.gm(new Damage(orc, 1, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.INJURED);
        fight.gm(new Damage(orc, 49, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.BLOODIED);
        fight.gm(new Damage(orc, 24, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.BLOODIED);
        fight.gm(new Damage(orc, 1, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.CRITICAL);
        fight.gm(new Damage(orc, 25, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(orc))).isEqualTo(Health.DEAD);

        String pc = fight.pc("Ayla", PIA, 10, 0);
        fight.gm(new Damage(pc, 10, DamageType.FIRE, false));
        assertThat(Health.of(fight.creature(pc))).isEqualTo(Health.DOWN);
    }

    @Test
    void damage_to_a_monster_reaches_players_as_a_descriptor_and_the_exact_numbers_only_the_gm() {
        Fight fight = Fight.started();
        String orc = fight.npc("Orc", 20, 0);
        var seen = seen(fight, new Damage(orc, 12, DamageType.SLASHING, false));
        assertThat(forPlayer(seen, PIA.userId())).containsExactly(new HealthShown(orc, Health.BLOODIED));
        assertThat(seen).extracting(Map.Entry::getKey).anyMatch(Damaged.class::isInstance);

        fight.gm(new RevealHp(orc));
        var revealed = seen(fight, new Damage(orc, 1, DamageType.SLASHING, false));
        assertThat(forPlayer(revealed, PIA.userId())).hasSize(1).first().isInstanceOf(Damaged.class);
    }

    @Test
    void the_party_sees_each_others_exact_hit_points() {
        Fight fight = Fight.started();
        String bram = fight.pc("Bram", PAUL, 20, 0);
        var seen = seen(fight, new Damage(bram, 5, DamageType.COLD, false));
        assertThat(forPlayer(seen, PIA.userId())).hasSize(1).first().isInstanceOf(Damaged.class);
        EncounterView view = EncounterView.of(fight.state, PIA.userId(), Role.PLAYER);
        assertThat(view.order().getFirst().members().getFirst().hp()).contains(new HitPoints(15, 20, 0));
    }

    @Test
    void a_hidden_combatant_is_in_no_players_view_and_its_events_reach_only_gms_until_revealed() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String ghost = fight.monster("Ghost", 30, Map.of(), true);
        assertThat(EncounterView.of(fight.state, PIA.userId(), Role.PLAYER).order()).extracting(c -> c.id())
                .containsExactly(a);
        assertThat(EncounterView.of(fight.state, SAM.userId(), Role.SPECTATOR).order()).hasSize(1);
        assertThat(EncounterView.of(fight.state, GM.userId(), Role.GM).order()).hasSize(2);

        var hit = seen(fight, new Damage(ghost, 5, DamageType.FORCE, false));
        assertThat(forPlayer(hit, PIA.userId())).isEmpty();
        var frightens = seen(fight, new ApplyCondition(a, Condition.FRIGHTENED,
                new Duration.Rounds(1, Optional.empty(), TurnBoundary.START), Optional.of(ghost)));
        assertThat(forPlayer(frightens, PIA.userId())).isEmpty();
        EncounterView pias = EncounterView.of(fight.state, PIA.userId(), Role.PLAYER);
        AppliedCondition seenByPia = pias.order().getFirst().members().getFirst().conditions().getFirst();
        assertThat(seenByPia.appliedBy()).isEmpty();
        assertThat(seenByPia.timer()).isEmpty();

        // Its turn: the GM is told, the players are not, and their view shows no one acting.
        fight.gm(new MoveCombatant(ghost, 0));
        var turn = seen(fight, new NextTurn());
        assertThat(forPlayer(turn, PIA.userId())).doesNotHaveAnyElementsOfTypes(TurnStarted.class)
                .contains(new OnDeck(a, Optional.of(PIA.userId())));
        assertThat(EncounterView.of(fight.state, PIA.userId(), Role.PLAYER).current()).isEmpty();

        // A player cannot find it, so a refusal does not confirm it exists.
        fight.refused(PIA, new SetInitiative(ghost, 3), Rejection.Kind.NOT_FOUND);

        var reveal = seen(fight, new Reveal(ghost));
        assertThat(forPlayer(reveal, PIA.userId())).containsExactly(new Revealed(ghost),
                new CombatantShown(ghost, "Ghost", CombatantKind.NPC, Optional.empty(),
                        List.of(new MemberShown(ghost, "Ghost", Health.INJURED, Optional.empty()))));
        assertThat(EncounterView.of(fight.state, PIA.userId(), Role.PLAYER).current()).contains(ghost);
    }

    @Test
    void a_players_own_summons_show_them_exact_hit_points_and_others_a_descriptor() {
        Fight fight = Fight.started();
        fight.gm(new AddCombatant("Wolf", CombatantKind.NPC, Optional.of(PIA.userId()), Optional.empty(), 2,
                List.of(11), Map.of(DamageType.POISON, Defense.IMMUNE), false));
        String wolf = fight.state.order().getFirst().id();
        var seen = seen(fight, new Damage(wolf, 3, DamageType.PIERCING, false));
        assertThat(forPlayer(seen, PIA.userId())).hasSize(2);
        assertThat(forPlayer(seen, PAUL.userId())).containsExactly(new HealthShown(wolf, Health.INJURED));
        var pias = EncounterView.of(fight.state, PIA.userId(), Role.PLAYER).order().getFirst().members().getFirst();
        var pauls = EncounterView.of(fight.state, PAUL.userId(), Role.PLAYER).order().getFirst().members().getFirst();
        assertThat(pias.hp()).contains(new HitPoints(8, 11, 0));
        assertThat(pias.defenses()).containsEntry(DamageType.POISON, Defense.IMMUNE);
        assertThat(pauls.hp()).isEmpty();
        assertThat(pauls.defenses()).isEmpty();
        assertThat(pauls.health()).isEqualTo(Health.INJURED);
    }

    @Test
    void adding_a_monster_tells_players_what_it_is_but_not_its_hit_points() {
        Fight fight = Fight.started();
        Encounter before = fight.state;
        List<CombatEvent> events = fight.gm(new AddCombatant("Goblin", CombatantKind.MONSTER_GROUP,
                Optional.empty(), Optional.empty(), 2, List.of(7, 9), Map.of(), false));
        List<CombatEvent> players = new ArrayList<>();
        for (CombatEvent e : events) {
            if (CombatVisibility.of(e, before).allows(PIA.userId(), Role.PLAYER)) {
                players.add(e);
            }
            before = fight.combat.apply(before, e);
        }
        assertThat(players).containsExactly(new CombatantShown("c1", "Goblin", CombatantKind.MONSTER_GROUP,
                Optional.empty(), List.of(new MemberShown("c1.1", "Goblin 1", Health.HEALTHY, Optional.empty()),
                        new MemberShown("c1.2", "Goblin 2", Health.HEALTHY, Optional.empty()))));
    }
}
