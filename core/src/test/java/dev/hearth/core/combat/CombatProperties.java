package dev.hearth.core.combat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.testing.Strings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants under any sequence of commands by anyone: decide never throws and a refusal changes
 * nothing; replay rebuilds the state; and no player or spectator ever sees a hidden combatant or
 * an exact hit point they may not know, in their view or in an event they may receive.
 */
class CombatProperties {

    static final Caller GM = Fight.GM;
    static final Caller PIA = Fight.PIA;
    static final Caller PAUL = Fight.PAUL;
    static final Caller SAM = Fight.SAM;
    static final List<Caller> CALLERS = List.of(GM, GM, GM, PIA, PAUL, SAM);
    static final List<Caller> VIEWERS = List.of(PIA, PAUL, SAM);
    static final List<String> COMBATANTS = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c99");
    static final List<String> CREATURES = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c3.1", "c3.2", "c5.1",
            "c5.2", "c6.1", "c99");

    record Step(int who, CombatCommand command) {}

    // --- Generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, CALLERS.size() - 1), commands()).as(Step::new);
    }

    Arbitrary<CombatCommand> commands() {
        Arbitrary<String> combatant = Arbitraries.of(COMBATANTS);
        Arbitrary<String> creature = Arbitraries.of(CREATURES);
        Arbitrary<Integer> amount = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 30)),
                Tuple.of(1, Arbitraries.of(-1, 1_000_001, 1_000_000)));
        Arbitrary<Optional<String>> owner = Arbitraries.of(Optional.empty(), Optional.of(PIA.userId()),
                Optional.of(PAUL.userId()));
        Arbitrary<CombatCommand> add = Combinators.combine(Arbitraries.of(CombatantKind.class), owner,
                Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
                Arbitraries.of(Map.<DamageType, Defense>of(), Map.of(DamageType.FIRE, Defense.RESISTANT)))
                .as((kind, who, hp, hidden, defenses) -> new AddCombatant("Foe", kind,
                        kind == CombatantKind.PC ? who.or(() -> Optional.of(PIA.userId())) : who,
                        kind == CombatantKind.PC ? Optional.of("char") : Optional.empty(), 1,
                        kind == CombatantKind.MONSTER_GROUP ? hp : hp.subList(0, 1), defenses, hidden));
        Arbitrary<Duration> duration = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(TurnBoundary.class),
                        Arbitraries.of(COMBATANTS).optional())
                        .as((n, at, on) -> new Duration.Rounds(n, on, at)),
                Arbitraries.just(new Duration.UntilEndOfNextTurn()),
                Arbitraries.just(new Duration.UntilSave(12, Ability.WISDOM)),
                Arbitraries.just(new Duration.Indefinite()));
        Arbitrary<SaveInput> save = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 8).map(m -> new SaveInput.Rolled(m, RollMode.NORMAL)),
                Arbitraries.integers().between(0, 25).map(SaveInput.Entered::new));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new StartEncounter())),
                Tuple.of(1, Arbitraries.just(new EndEncounter())),
                Tuple.of(6, add),
                Tuple.of(1, combatant.map(RemoveCombatant::new)),
                Tuple.of(2, Combinators.combine(combatant.optional(), Arbitraries.of(RollMode.class))
                        .as(RollInitiative::new)),
                Tuple.of(2, Combinators.combine(combatant, Arbitraries.integers().between(-5, 25))
                        .as(SetInitiative::new)),
                Tuple.of(1, Combinators.combine(combatant, Arbitraries.integers().between(0, 5))
                        .as(MoveCombatant::new)),
                Tuple.of(8, Arbitraries.just(new NextTurn())),
                Tuple.of(1, Arbitraries.just(new PreviousTurn())),
                Tuple.of(2, combatant.map(Delay::new)),
                Tuple.of(2, Combinators.combine(combatant, combatant.optional()).as(ReEnter::new)),
                Tuple.of(1, combatant.map(id -> new Ready(id, "when it moves"))),
                Tuple.of(1, Combinators.combine(combatant, Arbitraries.of(ReadyOutcome.class)).as(ResolveReady::new)),
                Tuple.of(2, combatant.map(Reveal::new)),
                Tuple.of(1, combatant.map(RevealHp::new)),
                Tuple.of(8, Combinators.combine(creature, amount, Arbitraries.of(DamageType.class),
                        Arbitraries.of(true, false)).as(Damage::new)),
                Tuple.of(3, Combinators.combine(creature, amount).as(Heal::new)),
                Tuple.of(2, Combinators.combine(creature, amount).as(GrantTempHp::new)),
                Tuple.of(3, creature.map(RollDeathSave::new)),
                Tuple.of(1, creature.map(Stabilize::new)),
                Tuple.of(2, creature.map(id -> new StartConcentration(id, "Bless"))),
                Tuple.of(2, Combinators.combine(creature, save).as(ResolveConcentration::new)),
                Tuple.of(3, Combinators.combine(creature, Arbitraries.of(Condition.class), duration,
                        combatant.optional()).as(ApplyCondition::new)),
                Tuple.of(1, Combinators.combine(creature, Arbitraries.of(Condition.class)).as(EndCondition::new)),
                Tuple.of(2, Combinators.combine(creature, Arbitraries.of(Condition.class), save).as(ResolveSave::new)),
                Tuple.of(1, Combinators.combine(creature, Arbitraries.integers().between(0, 7)).as(SetExhaustion::new)),
                Tuple.of(1, creature.map(id -> new AddEffect(id, new TurnEffect("Burning", "1d6 fire",
                        TurnBoundary.START, Optional.of(3), Optional.of(DamageType.FIRE))))),
                Tuple.of(1, Combinators.combine(creature, Arbitraries.integers().between(-1, 40).optional(),
                        Arbitraries.integers().between(0, 40).optional()).as((id, hp, max) -> new GmOverride(id, hp,
                        max, Optional.empty(), Optional.empty(), Optional.empty()))),
                Tuple.of(2, Arbitraries.just(new Undo())));
    }

    // --- Running ----------------------------------------------------------------------------

    /** One event as it was recorded, with the state on each side of it. */
    record Recorded(CombatEvent event, Encounter before, Encounter after) {}

    record Run(List<Recorded> log, List<Encounter> states, List<Decision<CombatEvent>> decisions) {}

    static Run run(List<Step> steps, long seed) {
        Combat combat = new Combat();
        SplittableRandom random = new SplittableRandom(seed);
        // Every run starts an encounter, so most commands have something to act on.
        Encounter state = combat.initial();
        List<Recorded> log = new ArrayList<>();
        List<Encounter> states = new ArrayList<>();
        List<Decision<CombatEvent>> decisions = new ArrayList<>();
        List<Step> all = new ArrayList<>();
        all.add(new Step(0, new StartEncounter()));
        all.addAll(steps);
        for (Step step : all) {
            Encounter before = state;
            Decision<CombatEvent> decision = combat.decide(state, step.command(),
                    new CombatContext(CALLERS.get(step.who()), random));
            decisions.add(decision);
            assertThat(state).isSameAs(before);
            if (decision instanceof Decision.Accepted<CombatEvent> accepted) {
                for (CombatEvent event : accepted.events()) {
                    Encounter next = combat.apply(state, event);
                    log.add(new Recorded(event, state, next));
                    state = next;
                }
            } else {
                assertThat(((Decision.Rejected<CombatEvent>) decision).rejection().message()).isNotBlank();
            }
            states.add(state);
        }
        return new Run(log, states, decisions);
    }

    // --- Properties -------------------------------------------------------------------------

    @Property(tries = 500)
    void decide_never_throws_is_deterministic_and_replay_rebuilds_the_state(
            @ForAll @Size(max = 80) List<@From("steps") Step> steps, @ForAll long seed) {
        Run run = run(steps, seed);
        assertThat(run(steps, seed).decisions()).isEqualTo(run.decisions());
        Encounter replayed = new Combat().initial();
        for (Recorded r : run.log()) {
            replayed = new Combat().apply(replayed, r.event());
        }
        assertThat(replayed).isEqualTo(run.states().getLast());
        for (Encounter state : run.states()) {
            assertThat(state.undo().size()).isLessThanOrEqualTo(Encounter.UNDO_DEPTH);
            state.combatants().flatMap(c -> c.members().stream()).forEach(m -> {
                assertThat(m.hp().current()).isBetween(0, m.hp().max());
                assertThat(m.exhaustion()).isBetween(0, 6);
            });
        }
        long accepted = run.decisions().stream().filter(Decision.Accepted.class::isInstance).count();
        Statistics.label("accepted share").collect(accepted * 4 / Math.max(1, run.decisions().size()) + "/4");
    }

    @Property(tries = 500)
    void no_player_or_spectator_sees_a_hidden_combatant_or_an_unrevealed_exact_hp(
            @ForAll @Size(max = 80) List<@From("steps") Step> steps, @ForAll long seed) {
        Run run = run(steps, seed);
        int hiddenSeen = 0;
        for (Recorded r : run.log()) {
            Set<String> hidden = hiddenIds(r.before(), r.after());
            hiddenSeen += hidden.isEmpty() ? 0 : 1;
            for (Caller viewer : VIEWERS) {
                if (!CombatVisibility.of(r.event(), r.before()).allows(viewer.userId(), viewer.role())) {
                    continue;
                }
                assertThat(Strings.of(r.event())).as("%s sees %s", viewer.userId(), r.event())
                        .noneMatch(hidden::contains);
                exactHpIsTheirs(r, viewer);
            }
        }
        for (Encounter state : run.states()) {
            Set<String> hidden = hiddenIds(state, state);
            for (Caller viewer : VIEWERS) {
                EncounterView view = EncounterView.of(state, viewer.userId(), viewer.role());
                assertThat(Strings.of(view)).as("%s's view", viewer.userId()).noneMatch(hidden::contains);
                for (var c : view.order()) {
                    Combatant real = state.combatant(c.id()).orElseThrow();
                    boolean may = real.hpPublic() || real.ownedBy(viewer.userId());
                    c.members().forEach(m -> assertThat(m.hp().isPresent() && !may).as("%s sees %s's hp",
                            viewer.userId(), m.id()).isFalse());
                }
            }
        }
        Statistics.label("runs with a hidden combatant").collect(hiddenSeen > 0);
        Statistics.label("runs with a hidden combatant")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
    }

    /** An event with exact hit points reaches a player only for creatures whose numbers are public or theirs. */
    static void exactHpIsTheirs(Recorded r, Caller viewer) {
        Optional<Combatant> subject = switch (r.event()) {
            case CombatantAdded e -> Optional.of(e.combatant());
            case HpRevealed e -> r.after().combatant(e.combatantId());
            case CombatantShown e -> e.members().stream().anyMatch(m -> m.hp().isPresent())
                    ? r.after().combatant(e.combatantId()) : Optional.empty();
            case Damaged e -> r.before().combatantOf(e.creatureId());
            case Healed e -> r.before().combatantOf(e.creatureId());
            case TempHpGranted e -> r.before().combatantOf(e.creatureId());
            case Overridden e -> r.before().combatantOf(e.creatureId());
            default -> Optional.empty();
        };
        subject.ifPresent(c -> assertThat(c.hpPublic() || c.ownedBy(viewer.userId()))
                .as("%s sees exact hp in %s", viewer.userId(), r.event()).isTrue());
    }

    /** Ids of combatants and creatures hidden after the event, or hidden before and not visibly there after. */
    static Set<String> hiddenIds(Encounter before, Encounter after) {
        Set<String> ids = new HashSet<>(ids(after, true));
        Set<String> visibleAfter = ids(after, false);
        ids(before, true).stream().filter(id -> !visibleAfter.contains(id)).forEach(ids::add);
        return ids;
    }

    private static Set<String> ids(Encounter state, boolean hidden) {
        return state.combatants().filter(c -> c.hidden() == hidden)
                .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.id()),
                        c.members().stream().map(Creature::id)))
                .collect(Collectors.toSet());
    }
}
