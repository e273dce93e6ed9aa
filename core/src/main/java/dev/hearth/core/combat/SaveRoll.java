package dev.hearth.core.combat;

import java.util.List;

/**
 * A saving throw as recorded: the d20s the server drew (none when a result was entered by hand),
 * the modifier and the total.
 */
public record SaveRoll(List<Integer> d20s, int modifier, int total) {

    public SaveRoll {
        d20s = List.copyOf(d20s);
    }
}
