package dev.hearth.core.combat;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Rejection;
import java.util.Map;

/**
 * Lookups and input checks shared by the rules; each returns what it checked or throws {@link Refused}.
 * A hidden combatant is "not found" for anyone but a GM, so that a refusal never confirms it exists.
 */
final class Checks {

    /** Bounds on numbers: far above any real table, far below overflow (a doubled 1,000,000 fits an int). */
    static final int MAX_AMOUNT = 1_000_000;
    static final int MAX_INITIATIVE = 100;
    static final int MAX_MODIFIER = 100;
    static final int MAX_TOTAL = 200;
    static final int MAX_DC = 100;
    static final int MAX_ROUNDS = 1000;
    static final int MAX_NAME = 64;
    static final int MAX_TEXT = 200;
    /** A fight bigger than this is several fights; it also bounds every scan of the order. */
    static final int MAX_COMBATANTS = 100;
    static final int MAX_GROUP = 50;

    private Checks() {}

    static Combatant combatant(Encounter state, String id, Caller caller) {
        return state.combatant(id).filter(c -> !c.hidden() || caller.role() == Role.GM)
                .orElseThrow(() -> new Refused(new Rejection(Rejection.Kind.NOT_FOUND,
                        "There is no combatant " + id + " in this encounter.", Map.of("combatantId", id))));
    }

    /** The combatant a creature belongs to; {@link Combatant#member} then finds the creature. */
    static Combatant ownerOf(Encounter state, String creatureId, Caller caller) {
        return state.combatantOf(creatureId).filter(c -> !c.hidden() || caller.role() == Role.GM)
                .orElseThrow(() -> new Refused(new Rejection(Rejection.Kind.NOT_FOUND,
                        "There is no creature " + creatureId + " in this encounter.",
                        Map.of("creatureId", creatureId))));
    }

    /** A player acts only for combatants they own. */
    static void actsFor(Caller caller, Combatant combatant) {
        if (caller.role() != Role.GM && !combatant.ownedBy(caller.userId())) {
            throw refuse(Rejection.notPermitted("Only a GM or " + combatant.name() + "'s player may do that."));
        }
    }

    /** Damage and healing: the GM's, or a player's to their own PC. */
    static void harmsOrHeals(Caller caller, Combatant combatant) {
        if (caller.role() != Role.GM
                && !(combatant.kind() == CombatantKind.PC && combatant.ownedBy(caller.userId()))) {
            throw refuse(Rejection.notPermitted("Only a GM changes the hit points of someone else's creature."));
        }
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw refuse(Rejection.invalid(field, field + " must be from " + min + " to " + max + "."));
        }
        return value;
    }

    static int amount(String field, int value) {
        return between(field, value, 0, MAX_AMOUNT);
    }

    /** Text a person reads: 1 to {@code max} characters, not blank, no control characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw refuse(Rejection.invalid(field, field + " must be 1-" + max
                    + " characters, not blank, without control characters."));
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw refuse(Rejection.invalid(field, field + " is required."));
        }
        return value;
    }

    static Refused conflict(String message) {
        return refuse(Rejection.conflict(message));
    }

    static Refused refuse(Rejection rejection) {
        return new Refused(rejection);
    }
}
