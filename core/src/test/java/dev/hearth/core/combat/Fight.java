package dev.hearth.core.combat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A fight under test: decides commands as someone, applies what they record, and keeps the log. */
final class Fight {

    static final Caller GM = new Caller("u-gm", "Gemma", Role.GM);
    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);
    static final Caller PAUL = new Caller("u-paul", "Paul", Role.PLAYER);
    static final Caller SAM = new Caller("u-sam", "Sam", Role.SPECTATOR);

    final Combat combat = new Combat();
    Encounter state = Encounter.NONE;
    final List<CombatEvent> log = new ArrayList<>();
    RandomGenerator random = new SplittableRandom(42);

    static Fight started() {
        Fight fight = new Fight();
        fight.gm(new StartEncounter());
        return fight;
    }

    Fight dice(int... values) {
        random = new ScriptedDice(values);
        return this;
    }

    Decision<CombatEvent> decide(Caller caller, CombatCommand command) {
        return combat.decide(state, command, new CombatContext(caller, random));
    }

    /** Decides as the caller, expects acceptance, applies and returns the events. */
    List<CombatEvent> as(Caller caller, CombatCommand command) {
        Decision<CombatEvent> decision = decide(caller, command);
        assertThat(decision).as("%s by %s", command, caller.userId()).isInstanceOf(Decision.Accepted.class);
        List<CombatEvent> events = ((Decision.Accepted<CombatEvent>) decision).events();
        for (CombatEvent event : events) {
            state = combat.apply(state, event);
            log.add(event);
        }
        return events;
    }

    List<CombatEvent> gm(CombatCommand command) {
        return as(GM, command);
    }

    /** Decides as the caller, expects a refusal of this kind, and checks nothing changed. */
    Rejection refused(Caller caller, CombatCommand command, Rejection.Kind kind) {
        Encounter before = state;
        Decision<CombatEvent> decision = decide(caller, command);
        assertThat(decision).as("%s by %s", command, caller.userId()).isInstanceOf(Decision.Rejected.class);
        Rejection rejection = ((Decision.Rejected<CombatEvent>) decision).rejection();
        assertThat(rejection.kind()).as(rejection.message()).isEqualTo(kind);
        assertThat(rejection.message()).isNotBlank();
        assertThat(state).isSameAs(before);
        return rejection;
    }

    // --- Setting up -------------------------------------------------------------------------

    String pc(String name, Caller owner, int maxHp, int modifier) {
        return added(gm(new AddCombatant(name, CombatantKind.PC, Optional.of(owner.userId()),
                Optional.of("char-" + name), modifier, List.of(maxHp), Map.of(), false)));
    }

    String npc(String name, int maxHp, int modifier) {
        return added(gm(new AddCombatant(name, CombatantKind.NPC, Optional.empty(), Optional.empty(), modifier,
                List.of(maxHp), Map.of(), false)));
    }

    String monster(String name, int maxHp, Map<DamageType, Defense> defenses, boolean hidden) {
        return added(gm(new AddCombatant(name, CombatantKind.NPC, Optional.empty(), Optional.empty(), 0,
                List.of(maxHp), defenses, hidden)));
    }

    String group(String name, List<Integer> maxHp) {
        return added(gm(new AddCombatant(name, CombatantKind.MONSTER_GROUP, Optional.empty(), Optional.empty(), 0,
                maxHp, Map.of(), false)));
    }

    void initiative(String combatantId, int value) {
        gm(new SetInitiative(combatantId, value));
    }

    private static String added(List<CombatEvent> events) {
        return events.stream().filter(CombatantAdded.class::isInstance).map(CombatantAdded.class::cast)
                .findFirst().orElseThrow().combatant().id();
    }

    // --- Reading ----------------------------------------------------------------------------

    Creature creature(String id) {
        return state.creature(id).orElseThrow();
    }

    Combatant combatant(String id) {
        return state.combatant(id).orElseThrow();
    }

    List<String> order() {
        return state.order().stream().map(Combatant::id).toList();
    }

    String current() {
        return state.current().orElseThrow();
    }

    /** Replays the whole log from nothing. */
    Encounter replayed() {
        Encounter s = combat.initial();
        for (CombatEvent event : log) {
            s = combat.apply(s, event);
        }
        return s;
    }

    static <T extends CombatEvent> List<T> only(List<CombatEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
