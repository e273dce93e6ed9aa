package dev.hearth.core.dice;

import java.util.List;
import java.util.Objects;

/**
 * A rolled expression: plain values only (strings, numbers, enums, lists), so it serializes as is
 * and reads back the same in an event log kept for ever.
 *
 * @param expression the canonical notation rolled, without repeats or label, e.g. {@code 4d6dl1}
 * @param label the text after {@code #}, or empty
 * @param rolls one roll, or one per repetition for {@code 6 x 4d6dl1}
 */
public record RollResult(String expression, String label, List<Roll> rolls) {

    public RollResult {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(label, "label");
        rolls = List.copyOf(rolls);
        if (rolls.isEmpty()) {
            throw new IllegalArgumentException("a result has at least one roll");
        }
    }

    /** The first roll's total: the total of a roll that is not repeated. */
    public long total() {
        return rolls.get(0).total();
    }

    /**
     * For people: {@code longsword: 1d20+5 → [17]+5 = 22}; repeats are joined with {@code "; "},
     * e.g. {@code 2 x 4d6dl1 → [6, 5, 3, ~1~] = 14; [4, 4, 2, ~2~] = 10}.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (!label.isEmpty()) {
            out.append(label).append(": ");
        }
        if (rolls.size() > 1) {
            out.append(rolls.size()).append(" x ");
        }
        out.append(expression).append(" → ");
        for (int i = 0; i < rolls.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(rolls.get(i).text());
        }
        return out.toString();
    }
}
