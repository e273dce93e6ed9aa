package dev.hearth.core.combat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One place in the initiative order: a PC, an NPC, or a monster group, whose members act together.
 * A PC or NPC has one member whose id is the combatant's; a group's members are {@code id.1},
 * {@code id.2}, ...
 *
 * @param hidden the GM's secret until revealed: in no one else's view, its events the GMs' only
 * @param hpRevealed players see its members' exact hit points (always so for PCs)
 * @param readied the trigger of an action held until then
 */
public record Combatant(String id, String name, CombatantKind kind, Optional<String> ownerUserId,
        Optional<String> characterId, int initiativeModifier, Optional<Initiative> initiative, boolean hidden,
        boolean hpRevealed, Optional<String> readied, List<Creature> members) {

    public Combatant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(characterId, "characterId");
        Objects.requireNonNull(initiative, "initiative");
        Objects.requireNonNull(readied, "readied");
        members = List.copyOf(members);
    }

    /** Whether players see the exact hit points of its members. */
    public boolean hpPublic() {
        return kind == CombatantKind.PC || hpRevealed;
    }

    public boolean ownedBy(String userId) {
        return ownerUserId.filter(userId::equals).isPresent();
    }

    /** Every member dead: its turns are skipped. */
    public boolean defeated() {
        return members.stream().allMatch(Creature::dead);
    }

    public Optional<Creature> member(String creatureId) {
        return members.stream().filter(m -> m.id().equals(creatureId)).findFirst();
    }

    Combatant withInitiative(Optional<Initiative> initiative) {
        return new Combatant(id, name, kind, ownerUserId, characterId, initiativeModifier, initiative, hidden,
                hpRevealed, readied, members);
    }

    Combatant withHidden(boolean hidden) {
        return new Combatant(id, name, kind, ownerUserId, characterId, initiativeModifier, initiative, hidden,
                hpRevealed, readied, members);
    }

    Combatant withHpRevealed(boolean hpRevealed) {
        return new Combatant(id, name, kind, ownerUserId, characterId, initiativeModifier, initiative, hidden,
                hpRevealed, readied, members);
    }

    Combatant withReadied(Optional<String> readied) {
        return new Combatant(id, name, kind, ownerUserId, characterId, initiativeModifier, initiative, hidden,
                hpRevealed, readied, members);
    }

    Combatant mapMembers(UnaryOperator<Creature> change) {
        return new Combatant(id, name, kind, ownerUserId, characterId, initiativeModifier, initiative, hidden,
                hpRevealed, readied, members.stream().map(change).toList());
    }
}
