package dev.hearth.core.combat;

import dev.hearth.core.combat.CombatEvent.CombatantShown;
import dev.hearth.core.combat.CombatEvent.HealthShown;
import dev.hearth.core.combat.CombatEvent.MemberShown;
import dev.hearth.core.stream.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events a decision records so far, and the state they lead to: a rule emits one, then reads
 * its consequences from {@link #state()}. Applying as it goes is what keeps decide and apply from
 * disagreeing; the log holds only the events.
 */
final class Plan {

    private Encounter state;
    private final List<CombatEvent> events = new ArrayList<>();

    Plan(Encounter state) {
        this.state = state;
    }

    /** Starts a plan that changes something, so it can be undone. */
    static Plan undoable(Encounter state) {
        return new Plan(state).emit(new CombatEvent.Checkpoint());
    }

    Plan emit(CombatEvent event) {
        events.add(event);
        state = Combat.evolve(state, event);
        return this;
    }

    /**
     * Emits an event carrying a creature's exact hit points, and after it, if players may not see
     * them, what they may see instead.
     */
    Plan exact(CombatEvent.ExactHp event, String creatureId) {
        emit(event);
        Combatant combatant = state.combatantOf(creatureId).orElseThrow();
        if (!combatant.hidden() && !combatant.hpPublic()) {
            emit(new HealthShown(creatureId, Health.of(combatant.member(creatureId).orElseThrow())));
        }
        return this;
    }

    /** What everyone may know of a combatant they may see. */
    static CombatantShown shown(Combatant c) {
        return new CombatantShown(c.id(), c.name(), c.kind(), c.ownerUserId(), c.members().stream()
                .map(m -> new MemberShown(m.id(), m.name(), Health.of(m),
                        c.hpPublic() ? Optional.of(m.hp()) : Optional.empty()))
                .toList());
    }

    Encounter state() {
        return state;
    }

    Decision<CombatEvent> decision() {
        return new Decision.Accepted<>(events);
    }
}
