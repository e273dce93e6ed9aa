package dev.hearth.core.combat;

import static dev.hearth.core.combat.Fight.GM;
import static dev.hearth.core.combat.Fight.PAUL;
import static dev.hearth.core.combat.Fight.PIA;
import static dev.hearth.core.combat.Fight.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may do what, bad input, missing targets, the encounter's state, and undo. Every refusal changes nothing. */
class PermissionsTest {

    static AddCombatant npc(String name, List<Integer> maxHp) {
        return new AddCombatant(name, CombatantKind.NPC, Optional.empty(), Optional.empty(), 0, maxHp, Map.of(),
                false);
    }

    @Test
    void a_spectator_may_do_nothing() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(new NextTurn());
        for (CombatCommand command : List.of(new NextTurn(), new Damage(a, 1, DamageType.FIRE, false),
                new RollInitiative(Optional.of(a), RollMode.NORMAL), new StartEncounter(), new Undo())) {
            fight.refused(SAM, command, Rejection.Kind.NOT_PERMITTED);
        }
    }

    @Test
    void a_player_may_not_end_another_players_turn_but_may_end_their_own() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.pc("Bram", PAUL, 20, 0);
        fight.refused(PIA, new NextTurn(), Rejection.Kind.NOT_PERMITTED); // only a GM starts the turns
        fight.gm(new NextTurn());
        assertThat(fight.current()).isEqualTo(a);
        fight.refused(PAUL, new NextTurn(), Rejection.Kind.NOT_PERMITTED);
        fight.as(PIA, new NextTurn());
        fight.refused(PIA, new NextTurn(), Rejection.Kind.NOT_PERMITTED);
    }

    @Test
    void players_change_hit_points_only_of_their_own_pc_and_roll_only_their_own_saves() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.pc("Bram", PAUL, 20, 0);
        String orc = fight.npc("Orc", 15, 0);
        fight.as(PIA, new Damage(a, 3, DamageType.FIRE, false));
        fight.as(PIA, new Heal(a, 1));
        fight.as(PIA, new GrantTempHp(a, 4));
        fight.refused(PIA, new Damage(b, 3, DamageType.FIRE, false), Rejection.Kind.NOT_PERMITTED);
        fight.refused(PIA, new Heal(b, 3), Rejection.Kind.NOT_PERMITTED);
        fight.refused(PIA, new Damage(orc, 3, DamageType.FIRE, false), Rejection.Kind.NOT_PERMITTED);
        fight.gm(new Damage(b, 20, DamageType.FIRE, false));
        fight.refused(PIA, new RollDeathSave(b), Rejection.Kind.NOT_PERMITTED);
        fight.as(PAUL, new RollDeathSave(b));
        for (CombatCommand gmOnly : List.of(new StartEncounter(), new EndEncounter(), npc("X", List.of(3)),
                new RemoveCombatant(orc), new MoveCombatant(orc, 0), new PreviousTurn(), new Reveal(orc),
                new RevealHp(orc), new Stabilize(b), new ApplyCondition(a, Condition.PRONE, new Duration.Indefinite(),
                        Optional.empty()), new EndCondition(a, Condition.PRONE), new SetExhaustion(a, 1),
                new GmOverride(a, Optional.of(20), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()), new Undo(), new ResolveReady(a, ReadyOutcome.USED))) {
            fight.refused(PIA, gmOnly, Rejection.Kind.NOT_PERMITTED);
        }
    }

    @Test
    void unknown_and_removed_combatants_are_not_found_and_named_in_the_details() {
        Fight fight = Fight.started();
        String orc = fight.npc("Orc", 15, 0);
        fight.gm(new RemoveCombatant(orc));
        assertThat(fight.refused(GM, new Damage(orc, 3, DamageType.FIRE, false), Rejection.Kind.NOT_FOUND)
                .details()).containsEntry("creatureId", orc);
        assertThat(fight.refused(GM, new SetInitiative("c99", 3), Rejection.Kind.NOT_FOUND).details())
                .containsEntry("combatantId", "c99");
    }

    @Test
    void commands_outside_an_encounter_conflict() {
        Fight fight = new Fight();
        fight.refused(GM, npc("Orc", List.of(5)), Rejection.Kind.CONFLICT);
        fight.refused(GM, new NextTurn(), Rejection.Kind.CONFLICT);
        fight.refused(GM, new Damage("c1", 3, DamageType.FIRE, false), Rejection.Kind.CONFLICT);
        fight.refused(GM, new Undo(), Rejection.Kind.CONFLICT);
    }

    @Test
    void invalid_values_are_refused_naming_the_field() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        Map<CombatCommand, String> bad = Map.ofEntries(
                Map.entry(new Damage(a, -1, DamageType.FIRE, false), "amount"),
                Map.entry(new Damage(a, 1_000_001, DamageType.FIRE, false), "amount"),
                Map.entry(new Damage(a, 3, null, false), "type"),
                Map.entry(new Heal(a, -5), "amount"),
                Map.entry(new GrantTempHp(a, Integer.MAX_VALUE), "amount"),
                Map.entry(npc("Orc", List.of(0)), "maxHp"),
                Map.entry(npc("Orc", List.of(-3)), "maxHp"),
                Map.entry(npc("Orc", List.of(5, 5)), "maxHp"),
                Map.entry(npc("Orc", List.of()), "maxHp"),
                Map.entry(npc("", List.of(5)), "name"),
                Map.entry(npc("   ", List.of(5)), "name"),
                Map.entry(npc("x".repeat(65), List.of(5)), "name"),
                Map.entry(npc("Bad\u0000name", List.of(5)), "name"),
                Map.entry(new AddCombatant("Pc", CombatantKind.PC, Optional.empty(), Optional.of("ch"), 0,
                        List.of(5), Map.of(), false), "ownerUserId"),
                Map.entry(new AddCombatant("Pc", CombatantKind.PC, Optional.of("u-pia"), Optional.empty(), 0,
                        List.of(5), Map.of(), false), "characterId"),
                Map.entry(new AddCombatant("Orc", CombatantKind.NPC, Optional.empty(), Optional.empty(), 101,
                        List.of(5), Map.of(), false), "initiativeModifier"),
                Map.entry(new SetInitiative(a, 101), "initiative"),
                Map.entry(new SetInitiative(a, -101), "initiative"),
                Map.entry(new ApplyCondition(a, Condition.PRONE, new Duration.Rounds(0, Optional.empty(),
                        TurnBoundary.START), Optional.empty()), "duration.rounds"),
                Map.entry(new ApplyCondition(a, Condition.PRONE, new Duration.UntilSave(0, Ability.WISDOM),
                        Optional.empty()), "duration.dc"),
                Map.entry(new ApplyCondition(a, null, new Duration.Indefinite(), Optional.empty()), "condition"),
                Map.entry(new AddEffect(a, new TurnEffect("", "x", TurnBoundary.START, Optional.empty(),
                        Optional.empty())), "effect.name"),
                Map.entry(new ResolveConcentration(a, new SaveInput.Rolled(500, RollMode.NORMAL)), "modifier"),
                Map.entry(new GmOverride(a, Optional.empty(), Optional.of(0), Optional.empty(), Optional.empty(),
                        Optional.empty()), "maxHp"));
        bad.forEach((command, field) -> assertThat(fight.refused(GM, command, Rejection.Kind.INVALID).details())
                .as("%s", command).containsEntry("field", field));
    }

    @Test
    void undo_restores_the_state_before_the_last_command_whatever_it_recorded() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String orc = fight.npc("Orc", 15, 0);
        fight.gm(new NextTurn());
        Encounter before = fight.state;
        fight.gm(new Damage(orc, 15, DamageType.FIRE, false)); // damage, death, health shown
        assertThat(fight.creature(orc).dead()).isTrue();
        assertThat(fight.gm(new Undo())).containsExactly(new Undone());
        assertThat(fight.state).isEqualTo(before);
        fight.gm(new Undo()); // the turn start
        assertThat(fight.state.round()).isZero();
        assertThat(fight.state.current()).isEmpty();
        fight.gm(new Undo());
        fight.gm(new Undo());
        assertThat(fight.state.order()).isEmpty();
        fight.refused(GM, new Undo(), Rejection.Kind.CONFLICT);
        assertThat(fight.replayed()).isEqualTo(fight.state);
        assertThat(a).isNotNull();
    }

    @Test
    void undo_takes_back_ending_the_encounter_and_keeps_at_most_50_steps() {
        Fight fight = Fight.started();
        fight.npc("Orc", 15, 0);
        fight.gm(new EndEncounter());
        fight.gm(new Undo());
        assertThat(fight.state.active()).isTrue();
        for (int i = 0; i < 60; i++) {
            fight.gm(new NextTurn());
        }
        assertThat(fight.state.undo()).hasSize(Encounter.UNDO_DEPTH);
        assertThat(fight.state.undo()).allMatch(e -> e.undo().isEmpty());
        for (int i = 0; i < Encounter.UNDO_DEPTH; i++) {
            fight.gm(new Undo());
        }
        assertThat(fight.state.round()).isEqualTo(10);
        fight.refused(GM, new Undo(), Rejection.Kind.CONFLICT);
    }

    @Test
    void state_is_immutable() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(new ApplyCondition(a, Condition.PRONE, new Duration.Indefinite(), Optional.empty()));
        fight.gm(new NextTurn());
        Encounter state = fight.state;
        assertThat(state.order()).isUnmodifiable();
        assertThat(state.delaying()).isUnmodifiable();
        assertThat(state.undo()).isUnmodifiable();
        Creature creature = fight.creature(a);
        assertThat(creature.conditions()).isUnmodifiable();
        assertThat(creature.defenses()).isUnmodifiable();
        assertThat(creature.effects()).isUnmodifiable();
        assertThat(creature.concentrationChecks()).isUnmodifiable();
        assertThat(state.order().getFirst().members()).isUnmodifiable();
        EncounterView view = EncounterView.of(state, PIA.userId(), PIA.role());
        assertThat(view.order()).isUnmodifiable();
        assertThat(view.order().getFirst().members().getFirst().conditions()).isUnmodifiable();
    }
}
