package dev.hearth.server.realtime.codec;

import dev.hearth.core.combat.Ability;
import dev.hearth.core.combat.AppliedCondition;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.combat.Combatant;
import dev.hearth.core.combat.CombatantKind;
import dev.hearth.core.combat.Condition;
import dev.hearth.core.combat.ConditionTimer;
import dev.hearth.core.combat.Creature;
import dev.hearth.core.combat.DamageType;
import dev.hearth.core.combat.DeathCause;
import dev.hearth.core.combat.DeathSaves;
import dev.hearth.core.combat.Defense;
import dev.hearth.core.combat.Duration;
import dev.hearth.core.combat.EndReason;
import dev.hearth.core.combat.Health;
import dev.hearth.core.combat.HitPoints;
import dev.hearth.core.combat.Initiative;
import dev.hearth.core.combat.ReadyOutcome;
import dev.hearth.core.combat.RollMode;
import dev.hearth.core.combat.SaveInput;
import dev.hearth.core.combat.SaveRoll;
import dev.hearth.core.combat.TurnBoundary;
import dev.hearth.core.combat.TurnEffect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One instance of every combat command and event, with optional parts both given and left out. */
final class CombatSamples {

    private CombatSamples() {}

    static final HitPoints HP = new HitPoints(7, 12, 3);
    static final TurnEffect EFFECT = new TurnEffect("burning", "takes fire damage", TurnBoundary.START,
            Optional.of(4), Optional.of(DamageType.FIRE));
    static final AppliedCondition APPLIED = new AppliedCondition(Condition.FRIGHTENED,
            new Duration.Rounds(2, Optional.of("c2"), TurnBoundary.END),
            Optional.of(new ConditionTimer("c2", TurnBoundary.END, 2)), Optional.of("c2"));
    static final Creature CREATURE = new Creature("c1", "Aria", HP, Map.of(DamageType.FIRE, Defense.RESISTANT),
            List.of(APPLIED), 1, Optional.of("bless"), List.of(10, 12), new DeathSaves(1, 2), false, false,
            List.of(EFFECT));
    static final Combatant COMBATANT = new Combatant("c1", "Aria", CombatantKind.PC, Optional.of("u-pia"),
            Optional.of("char-1"), 3, Optional.of(new Initiative(17, 12)), false, false, Optional.of("when it moves"),
            List.of(CREATURE));

    static List<CombatCommand> commands() {
        return List.of(
                new StartEncounter(),
                new EndEncounter(),
                new AddCombatant("Goblins", CombatantKind.MONSTER_GROUP, Optional.empty(), Optional.empty(), 2,
                        List.of(7, 7, 9), Map.of(DamageType.POISON, Defense.IMMUNE, DamageType.RADIANT,
                                Defense.VULNERABLE), true),
                new RemoveCombatant("c3"),
                new RollInitiative(Optional.of("c1"), RollMode.ADVANTAGE),
                new SetInitiative("c1", 15),
                new MoveCombatant("c2", 0),
                new NextTurn(),
                new PreviousTurn(),
                new Delay("c1"),
                new ReEnter("c1", Optional.of("c2")),
                new Ready("c1", "when the door opens"),
                new ResolveReady("c1", ReadyOutcome.USED),
                new Reveal("c2"),
                new RevealHp("c2"),
                new Damage("c2.1", 9, DamageType.SLASHING, true),
                new Heal("c1", 4),
                new GrantTempHp("c1", 5),
                new RollDeathSave("c1"),
                new Stabilize("c1"),
                new StartConcentration("c1", "bless"),
                new EndConcentration("c1"),
                new ResolveConcentration("c1", new SaveInput.Rolled(3, RollMode.DISADVANTAGE)),
                new GmOverride("c1", Optional.of(3), Optional.empty(), Optional.of(2), Optional.of(new DeathSaves(0, 1)),
                        Optional.of(false)),
                new ApplyCondition("c1", Condition.POISONED, new Duration.UntilSave(13, Ability.CONSTITUTION),
                        Optional.of("c2")),
                new EndCondition("c1", Condition.POISONED),
                new ResolveSave("c1", Condition.POISONED, new SaveInput.Entered(14)),
                new SetExhaustion("c1", 2),
                new AddEffect("c1", EFFECT),
                new RemoveEffect("c1", "burning"),
                new Undo());
    }

    static List<CombatEvent> events() {
        return List.of(
                new EncounterStarted(),
                new EncounterEnded(),
                new Checkpoint(),
                new Undone(),
                new RoundStarted(2),
                new CombatantAdded(COMBATANT),
                new CombatantShown("c2", "Goblins", CombatantKind.MONSTER_GROUP, Optional.empty(), List.of(
                        new MemberShown("c2.1", "Goblin 1", Health.BLOODIED, Optional.empty()),
                        new MemberShown("c2.2", "Goblin 2", Health.HEALTHY, Optional.of(HP)))),
                new CombatantRemoved("c3"),
                new Revealed("c2"),
                new HpRevealed("c2", List.of(new MemberHp("c2.1", HP))),
                new InitiativeDetermined("c1", 19, List.of(16, 4), 3, 11),
                new Moved("c1", Optional.empty()),
                new TurnStarted("c1", Optional.of("u-pia"), 3, false),
                new TurnEnded("c1"),
                new OnDeck("c2", Optional.empty()),
                new TurnRewound("c1", 2),
                new Delayed("c1"),
                new ReEntered("c1", Optional.of("c2"), 12, true),
                new ActionReadied("c1", "when it moves"),
                new ReadyResolved("c1", ReadyOutcome.EXPIRED),
                new Damaged("c2.1", 10, DamageType.FIRE, true, 5, HP),
                new Healed("c1", 3, HP),
                new TempHpGranted("c1", 3, HP),
                new Overridden("c1", HP, new DeathSaves(2, 0), false),
                new HealthShown("c2.1", Health.CRITICAL),
                new DeathSaveDue("c1"),
                new DeathSaveRolled("c1", 20, new DeathSaves(0, 0)),
                new DeathSavesFailed("c1", 2, new DeathSaves(0, 2)),
                new Stabilized("c1"),
                new Died("c2.1", DeathCause.MASSIVE_DAMAGE),
                new ConcentrationStarted("c1", "bless"),
                new ConcentrationCheckDue("c1", 11),
                new ConcentrationChecked("c1", 11, new SaveRoll(List.of(8), 2, 10), false),
                new ConcentrationEnded("c1", "bless", EndReason.FAILED_CHECK),
                new ConditionApplied("c1", APPLIED),
                new ConditionApplied("c1", new AppliedCondition(Condition.PRONE, new Duration.UntilEndOfNextTurn(),
                        Optional.empty(), Optional.empty())),
                new ConditionApplied("c1", new AppliedCondition(Condition.STUNNED, new Duration.Indefinite(),
                        Optional.empty(), Optional.empty())),
                new ConditionExpired("c1", Condition.FRIGHTENED),
                new ConditionEnded("c1", Condition.PRONE, EndReason.REMOVED),
                new SaveDue("c1", Condition.POISONED, 13, Ability.CONSTITUTION),
                new SaveResolved("c1", Condition.POISONED, 13, new SaveRoll(List.of(), 0, 15), true),
                new ExhaustionChanged("c1", 3),
                new EffectAdded("c1", EFFECT),
                new EffectRemoved("c1", "burning"),
                new EffectTriggered("c1", new TurnEffect("regrow", "regains", TurnBoundary.END, Optional.empty(),
                        Optional.empty())));
    }
}
