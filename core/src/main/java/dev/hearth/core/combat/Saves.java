package dev.hearth.core.combat;

import java.util.List;
import java.util.random.RandomGenerator;

/** Saving throws: rolled on the server (d20s recorded) or entered as rolled at the table. */
final class Saves {

    private Saves() {}

    static void check(SaveInput save) {
        switch (save) {
            case SaveInput.Rolled rolled -> {
                Checks.between("modifier", rolled.modifier(), -Checks.MAX_MODIFIER, Checks.MAX_MODIFIER);
                Checks.present("mode", rolled.mode());
            }
            case SaveInput.Entered entered -> Checks.between("total", entered.total(), -Checks.MAX_MODIFIER,
                    Checks.MAX_TOTAL);
        }
    }

    static SaveRoll roll(SaveInput save, RandomGenerator random) {
        return switch (save) {
            case SaveInput.Rolled rolled -> {
                List<Integer> d20s = Dice.d20s(random, rolled.mode());
                yield new SaveRoll(d20s, rolled.modifier(), Dice.kept(d20s, rolled.mode()) + rolled.modifier());
            }
            case SaveInput.Entered entered -> new SaveRoll(List.of(), 0, entered.total());
        };
    }
}
