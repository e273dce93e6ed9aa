package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.Combatant;
import dev.hearth.core.combat.CombatantKind;
import dev.hearth.core.combat.DamageType;
import dev.hearth.core.combat.RollMode;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever happens at a table, no event a player may receive holds another user's GM, blind or
 * self roll, nor names a combatant hidden when the event was recorded, nor carries the exact hit
 * points of a creature whose hit points are not the players' to see.
 */
class TableSecretsProperties {

    static final List<Caller> PEOPLE = List.of(TableDiceTest.GM, TableDiceTest.PIA, TableDiceTest.PAUL);
    static final List<Caller> PLAYERS = List.of(TableDiceTest.PIA, TableDiceTest.PAUL);

    /** One step: who acts (index into PEOPLE), what, and a number for its argument. */
    record Step(int who, int what, int n, DiceMode mode) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 30), Arbitraries.of(DiceMode.class))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void no_player_visible_event_holds_a_hidden_roll_of_another_or_a_hidden_combatant(
            @ForAll("steps") List<Step> steps, @ForAll long seed) {
        Table table = new Table();
        SplittableRandom random = new SplittableRandom(seed);
        TableState state = table.decide(TableState.EMPTY, new TableCommand.Combat(new CombatCommand.StartEncounter()),
                context(TableDiceTest.GM, random)) instanceof Decision.Accepted<TableEvent> a
                ? fold(table, TableState.EMPTY, a.events()) : TableState.EMPTY;
        for (Step step : steps) {
            Caller caller = PEOPLE.get(step.who());
            TableCommand command = command(step, state);
            Decision<TableEvent> decision = table.decide(state, command, context(caller, random));
            if (!(decision instanceof Decision.Accepted<TableEvent> accepted)) {
                continue;
            }
            TableState before = state;
            for (TableEvent event : accepted.events()) {
                for (Caller player : PLAYERS) {
                    if (table.visibility(event).allows(player.userId(), Role.PLAYER)) {
                        assertNothingHidden(event, player, before);
                    }
                }
                before = table.apply(before, event, 0);
            }
            state = before;
        }
    }

    private static void assertNothingHidden(TableEvent event, Caller player, TableState before) {
        switch (event) {
            case TableEvent.DiceRolled r -> assertThat(r.mode() == DiceMode.PUBLIC
                    || (r.mode() != DiceMode.BLIND && r.userId().equals(player.userId())))
                    .as("%s sees %s", player.userId(), r).isTrue();
            case TableEvent.CombatHappened h -> {
                String text = h.event().toString();
                // Revealing is the moment a combatant stops being a secret: that event names it for everyone.
                before.encounter().combatants().filter(Combatant::hidden)
                        .filter(c -> !(h.event() instanceof CombatEvent.Revealed r && r.combatantId().equals(c.id())))
                        .forEach(c -> {
                    assertThat(Pattern.compile("\\b" + Pattern.quote(c.id()) + "\\b").matcher(text).find())
                            .as("%s sees hidden %s in %s", player.userId(), c.id(), text).isFalse();
                    assertThat(Pattern.compile("\\b" + Pattern.quote(c.name()) + "\\b").matcher(text).find())
                            .as("%s sees hidden %s in %s", player.userId(), c.name(), text).isFalse();
                });
                if (h.event() instanceof CombatEvent.Damaged d) {
                    Combatant owner = before.encounter().combatantOf(d.creatureId()).orElseThrow();
                    assertThat(owner.hpPublic() || owner.ownedBy(player.userId())).as("exact hp of %s", owner.name())
                            .isTrue();
                }
            }
            case TableEvent.DiceHidden hidden -> assertThat(hidden.userId()).isEqualTo(player.userId());
            default -> { }
        }
    }

    private static TableCommand command(Step step, TableState state) {
        List<Combatant> all = state.encounter().combatants().toList();
        String target = all.isEmpty() ? "c1" : all.get(step.n() % all.size()).id();
        // Names are unique (the next serial), so a revealed combatant never shares a name with a hidden one.
        int serial = state.encounter().nextSerial();
        return switch (step.what()) {
            case 0, 1 -> new TableCommand.RollDice("1d20+" + step.n() + " # check", step.mode());
            case 2 -> TableTest.say("roll [[1d" + (step.n() + 2) + "]]");
            case 3 -> combat(new CombatCommand.AddCombatant("Lurker" + serial, CombatantKind.NPC, Optional.empty(),
                    Optional.empty(), 1, List.of(step.n() + 5), Map.of(), true));
            case 4 -> combat(new CombatCommand.AddCombatant("Orc" + serial, CombatantKind.MONSTER_GROUP,
                    Optional.empty(), Optional.empty(), 0, List.of(step.n() + 5, 9), Map.of(), step.n() % 2 == 0));
            case 5 -> combat(new CombatCommand.AddCombatant("Hero" + serial, CombatantKind.PC,
                    Optional.of(PLAYERS.get(step.n() % 2).userId()), Optional.of("ch" + step.n()), 2, List.of(20),
                    Map.of(), false));
            case 6 -> combat(new CombatCommand.Damage(all.isEmpty() ? "c1" : all.get(step.n() % all.size()).members()
                    .getFirst().id(), step.n(), DamageType.FIRE, step.n() % 5 == 0));
            case 7 -> combat(new CombatCommand.RollInitiative(Optional.empty(), RollMode.NORMAL));
            case 8 -> combat(step.n() % 3 == 0 ? new CombatCommand.Reveal(target) : new CombatCommand.NextTurn());
            default -> combat(step.n() % 2 == 0 ? new CombatCommand.Undo() : new CombatCommand.RevealHp(target));
        };
    }

    private static TableCommand combat(CombatCommand command) {
        return new TableCommand.Combat(command);
    }

    private static CommandContext context(Caller caller, SplittableRandom random) {
        return new CommandContext(caller, TableDiceTest.ROSTER, TableDiceTest.NOW, random);
    }

    private static TableState fold(Table table, TableState state, List<TableEvent> events) {
        TableState s = state;
        for (TableEvent e : events) {
            s = table.apply(s, e, 0);
        }
        return s;
    }
}
