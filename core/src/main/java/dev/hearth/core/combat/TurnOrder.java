package dev.hearth.core.combat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where combatants go in the order, and who acts next. Turns are tracked by id, never by index. */
final class TurnOrder {

    /** The next combatant to act, and whether getting there wraps to a new round. */
    record Next(Combatant combatant, boolean wraps) {}

    private TurnOrder() {}

    /**
     * Who acts after {@code id}: the next combatant with a living member, wrapping to the top (a
     * new round); if all others are defeated, simply the next one. {@code includeSelf} lets a lone
     * combatant follow itself (its next turn); otherwise it never does.
     */
    static Optional<Next> after(Encounter state, String id, boolean includeSelf) {
        List<Combatant> order = state.order();
        int at = state.indexInOrder(id);
        if (at < 0 || order.isEmpty()) {
            return order.isEmpty() ? Optional.empty() : Optional.of(new Next(order.getFirst(), false));
        }
        int steps = includeSelf ? order.size() : order.size() - 1;
        for (int k = 1; k <= steps; k++) {
            Combatant candidate = order.get((at + k) % order.size());
            if (!candidate.defeated()) {
                return Optional.of(new Next(candidate, at + k >= order.size()));
            }
        }
        return steps == 0 ? Optional.empty()
                : Optional.of(new Next(order.get((at + 1) % order.size()), at + 1 >= order.size()));
    }

    /** The first to act in a new round. */
    static Optional<Combatant> first(Encounter state) {
        return state.order().stream().filter(c -> !c.defeated()).findFirst()
                .or(() -> state.order().stream().findFirst());
    }

    /**
     * Puts a combatant with a new initiative just ahead of the first one it beats, or one without
     * any initiative yet. Equal keys keep whoever was there first ahead.
     */
    static List<Combatant> placed(List<Combatant> order, Combatant combatant) {
        List<Combatant> next = new ArrayList<>(order.stream().filter(c -> !c.id().equals(combatant.id())).toList());
        int at = next.size();
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).initiative().isEmpty() || beats(combatant, next.get(i))) {
                at = i;
                break;
            }
        }
        next.add(at, combatant);
        return next;
    }

    /** Puts a combatant just ahead of another (or at the end, if that one is not in the order). */
    static List<Combatant> ahead(List<Combatant> order, Combatant combatant, Optional<String> aheadOf) {
        List<Combatant> next = new ArrayList<>(order.stream().filter(c -> !c.id().equals(combatant.id())).toList());
        int at = next.size();
        for (int i = 0; i < next.size() && aheadOf.isPresent(); i++) {
            if (next.get(i).id().equals(aheadOf.get())) {
                at = i;
            }
        }
        next.add(at, combatant);
        return next;
    }

    private static boolean beats(Combatant a, Combatant b) {
        Initiative x = a.initiative().orElseThrow();
        Initiative y = b.initiative().orElseThrow();
        if (x.value() != y.value()) {
            return x.value() > y.value();
        }
        if (a.initiativeModifier() != b.initiativeModifier()) {
            return a.initiativeModifier() > b.initiativeModifier();
        }
        return x.rollOff() > y.rollOff();
    }
}
