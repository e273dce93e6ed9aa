package dev.hearth.core.combat;

import dev.hearth.core.access.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The encounter as one viewer may see it, for clients. A GM sees everything. Anyone else (players
 * and spectators alike) sees no hidden combatant, nor any reference to one (a condition's source or
 * timer, the turn marker, "on deck"), and sees exact hit points and defenses only of the party, of
 * combatants whose hit points the GM revealed, and of their own combatants; of the rest, a
 * {@link Health} descriptor.
 *
 * @param current whose turn it is, if the viewer may see them
 * @param onDeck who acts next, if the viewer may see them
 * @param undoable whether the GM can undo (always false for others)
 */
public record EncounterView(boolean active, int round, Optional<String> current, Optional<String> onDeck,
        List<CombatantView> order, List<CombatantView> delaying, boolean undoable) {

    public EncounterView {
        order = List.copyOf(order);
        delaying = List.copyOf(delaying);
    }

    /** A combatant as the viewer sees it. */
    public record CombatantView(String id, String name, CombatantKind kind, Optional<String> ownerUserId,
            Optional<String> characterId, Optional<Integer> initiative, boolean hidden, boolean hpRevealed,
            Optional<String> readied, List<CreatureView> members) {
        public CombatantView {
            members = List.copyOf(members);
        }
    }

    /**
     * A creature as the viewer sees it.
     *
     * @param hp exact hit points, if the viewer may see them
     * @param defenses empty unless the viewer may see exact hit points
     */
    public record CreatureView(String id, String name, Health health, Optional<HitPoints> hp,
            Map<DamageType, Defense> defenses, List<AppliedCondition> conditions, int exhaustion,
            Optional<String> concentration, List<Integer> concentrationChecks, DeathSaves deathSaves,
            boolean stable, List<TurnEffect> effects) {
        public CreatureView {
            defenses = Map.copyOf(defenses);
            conditions = List.copyOf(conditions);
            concentrationChecks = List.copyOf(concentrationChecks);
            effects = List.copyOf(effects);
        }
    }

    public static EncounterView of(Encounter encounter, String viewerUserId, Role role) {
        boolean gm = role == Role.GM;
        Set<String> hidden = gm ? Set.of()
                : encounter.combatants().filter(Combatant::hidden).map(Combatant::id).collect(Collectors.toSet());
        Optional<String> current = encounter.current().filter(id -> !hidden.contains(id));
        Optional<String> onDeck = encounter.current()
                .flatMap(id -> TurnOrder.after(encounter, id, false))
                .map(next -> next.combatant().id())
                .filter(id -> !hidden.contains(id));
        return new EncounterView(encounter.active(), encounter.round(), current, onDeck,
                views(encounter.order(), viewerUserId, gm, hidden), views(encounter.delaying(), viewerUserId, gm, hidden),
                gm && !encounter.undo().isEmpty());
    }

    private static List<CombatantView> views(List<Combatant> combatants, String viewer, boolean gm,
            Set<String> hidden) {
        return combatants.stream().filter(c -> !hidden.contains(c.id()))
                .map(c -> view(c, gm || c.hpPublic() || c.ownedBy(viewer), hidden))
                .toList();
    }

    private static CombatantView view(Combatant c, boolean exact, Set<String> hidden) {
        return new CombatantView(c.id(), c.name(), c.kind(), c.ownerUserId(), c.characterId(),
                c.initiative().map(Initiative::value), c.hidden(), c.hpRevealed(), c.readied(),
                c.members().stream().map(m -> new CreatureView(m.id(), m.name(), Health.of(m),
                        exact ? Optional.of(m.hp()) : Optional.empty(), exact ? m.defenses() : Map.of(),
                        m.conditions().stream().map(a -> redacted(a, hidden)).toList(), m.exhaustion(),
                        m.concentration(), m.concentrationChecks(), exact ? m.deathSaves() : DeathSaves.NONE,
                        m.stable(), m.effects())).toList());
    }

    /** A condition without any mention of a hidden combatant: its source, its timer, whose turns count it. */
    private static AppliedCondition redacted(AppliedCondition a, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return a;
        }
        Duration duration = a.duration() instanceof Duration.Rounds r
                ? new Duration.Rounds(r.rounds(), r.countedOn().filter(id -> !hidden.contains(id)), r.at())
                : a.duration();
        return new AppliedCondition(a.condition(), duration,
                a.timer().filter(t -> !hidden.contains(t.combatantId())),
                a.appliedBy().filter(id -> !hidden.contains(id)));
    }
}
