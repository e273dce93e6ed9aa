package dev.hearth.core.combat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A fight as of some point in the log. Immutable; {@link Combat#apply} returns a new one.
 *
 * <p>Undo is event-sourced: every command that changes anything first records a {@code
 * Checkpoint}, whose apply pushes the state as it was (without its own undo stack) onto {@link
 * #undo}; {@code Undone} pops it back. Replaying the log rebuilds the same stack, so undo needs no
 * storage of its own. The stack holds the last {@link #UNDO_DEPTH} actions: enough to take back a
 * misclick or a wrong target, and it bounds a state that is kept in memory and snapshotted.
 *
 * @param round 0 before the first turn, then 1, 2, ...
 * @param current the combatant whose turn it is, if any
 * @param interrupted a combatant whose turn a delayer cut into ("now"): its turn resumes after,
 *     without counting its start a second time
 * @param order the initiative order, first to act first
 * @param delaying combatants who left the order by delaying, in the order they left
 * @param nextSerial the number in the next combatant id ({@code c1}, {@code c2}, ...)
 * @param undo earlier states, the latest last
 */
public record Encounter(boolean active, int round, Optional<String> current, Optional<String> interrupted,
        List<Combatant> order, List<Combatant> delaying, int nextSerial, List<Encounter> undo) {

    public static final int UNDO_DEPTH = 50;

    /** No fight going on. */
    public static final Encounter NONE = new Encounter(false, 0, Optional.empty(), Optional.empty(), List.of(),
            List.of(), 1, List.of());

    public Encounter {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(interrupted, "interrupted");
        order = List.copyOf(order);
        delaying = List.copyOf(delaying);
        undo = List.copyOf(undo);
    }

    /** Every combatant, in the order and delaying. */
    public Stream<Combatant> combatants() {
        return Stream.concat(order.stream(), delaying.stream());
    }

    public Optional<Combatant> combatant(String id) {
        return combatants().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The combatant a creature belongs to. */
    public Optional<Combatant> combatantOf(String creatureId) {
        return combatants().filter(c -> c.member(creatureId).isPresent()).findFirst();
    }

    public Optional<Creature> creature(String creatureId) {
        return combatants().flatMap(c -> c.members().stream()).filter(m -> m.id().equals(creatureId)).findFirst();
    }

    public Optional<Combatant> currentCombatant() {
        return current.flatMap(this::combatant);
    }

    public boolean delaying(String combatantId) {
        return delaying.stream().anyMatch(c -> c.id().equals(combatantId));
    }

    int indexInOrder(String combatantId) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(combatantId)) {
                return i;
            }
        }
        return -1;
    }

    // --- Withers for Combat.apply ----------------------------------------------------------

    Encounter withOrder(List<Combatant> order, List<Combatant> delaying) {
        return new Encounter(active, round, current, interrupted, order, delaying, nextSerial, undo);
    }

    Encounter withTurn(int round, Optional<String> current, Optional<String> interrupted) {
        return new Encounter(active, round, current, interrupted, order, delaying, nextSerial, undo);
    }

    Encounter withActive(boolean active) {
        return new Encounter(active, round, current, interrupted, order, delaying, nextSerial, undo);
    }

    Encounter withSerial(int nextSerial) {
        return new Encounter(active, round, current, interrupted, order, delaying, nextSerial, undo);
    }

    Encounter mapCombatant(String id, UnaryOperator<Combatant> change) {
        return withOrder(map(order, id, change), map(delaying, id, change));
    }

    Encounter mapCreature(String creatureId, UnaryOperator<Creature> change) {
        UnaryOperator<Combatant> inner = c -> c.mapMembers(m -> m.id().equals(creatureId) ? change.apply(m) : m);
        return withOrder(order.stream().map(inner).toList(), delaying.stream().map(inner).toList());
    }

    Encounter mapCreatures(UnaryOperator<Creature> change) {
        UnaryOperator<Combatant> inner = c -> c.mapMembers(change);
        return withOrder(order.stream().map(inner).toList(), delaying.stream().map(inner).toList());
    }

    Encounter checkpoint() {
        List<Encounter> next = new ArrayList<>(undo.size() + 1);
        next.addAll(undo.size() >= UNDO_DEPTH ? undo.subList(undo.size() - UNDO_DEPTH + 1, undo.size()) : undo);
        next.add(new Encounter(active, round, current, interrupted, order, delaying, nextSerial, List.of()));
        return new Encounter(active, round, current, interrupted, order, delaying, nextSerial, next);
    }

    Encounter undone() {
        if (undo.isEmpty()) {
            return this; // apply is total; decide never records an Undone with nothing to undo
        }
        Encounter previous = undo.getLast();
        return new Encounter(previous.active, previous.round, previous.current, previous.interrupted,
                previous.order, previous.delaying, previous.nextSerial, undo.subList(0, undo.size() - 1));
    }

    private static List<Combatant> map(List<Combatant> list, String id, UnaryOperator<Combatant> change) {
        return list.stream().map(c -> c.id().equals(id) ? change.apply(c) : c).toList();
    }
}
