package dev.hearth.core.dice;

import java.util.List;
import java.util.Objects;

/**
 * A pool of dice or a group as rolled, with its subtotal.
 *
 * @param notation its canonical notation, e.g. {@code 4d6dl1}
 * @param value its subtotal: the sum of its kept dice or members, or when it counts successes, their
 *     count less the failures
 * @param dice for {@link TermKind#DICE}, every die rolled, explosions in place after the die that
 *     caused them; empty for a group
 * @param members for {@link TermKind#GROUP}, each sub-expression's total; empty for dice
 * @param countsSuccesses whether {@code value} counts successes and failures rather than adding values
 */
public record Term(TermKind kind, String notation, long value, List<Die> dice, List<Member> members, boolean countsSuccesses) {

    public Term {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(notation, "notation");
        dice = List.copyOf(dice);
        members = List.copyOf(members);
    }
}
