package dev.hearth.core.dice;

import java.util.Optional;

/**
 * The modifiers after a dice term ({@code r ro ! !! !p min max k kh kl dh dl > >= < <= = f}) or a
 * group ({@code k kh kl dh dl}, compare points, {@code f}), in any order, each at most once. A
 * compare point written right after {@code r}, {@code ro}, an explosion or {@code f} belongs to it;
 * without a symbol it means "equal to".
 */
final class DiceModifierParser {

    private final Parser in;
    /** The dice being modified; null for a group. */
    private final DieType type;

    private Optional<Reroll> reroll = Optional.empty();
    private Optional<Explode> explode = Optional.empty();
    private Optional<Integer> min = Optional.empty();
    private Optional<Integer> max = Optional.empty();
    private Optional<Keep> keep = Optional.empty();
    private Optional<Compare> success = Optional.empty();
    private Optional<Compare> failure = Optional.empty();

    DiceModifierParser(Parser in, DieType type) {
        this.in = in;
        this.type = type;
    }

    DiceModifiers modifiers() {
        while (diceModifier() || sharedModifier()) {
            // each call consumed one modifier
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw in.failure(DiceProblem.SYNTAX, in.pos(), "min at most max",
                    "min" + min.get() + " is above max" + max.get() + ": no value could be both.");
        }
        return new DiceModifiers(reroll, explode, min, max, keep, counting());
    }

    void groupModifiers() {
        while (sharedModifier()) {
            // each call consumed one modifier
        }
        counting();
    }

    Optional<Keep> keep() {
        return keep;
    }

    Optional<Counting> counting() {
        return success.map(s -> new Counting(s, failure));
    }

    private boolean diceModifier() {
        int at = in.pos();
        if (in.eat("ro") || in.eat("r")) {
            once(reroll, at);
            boolean once = in.pos() - at == 2;
            Compare when = compare(false).orElse(Compare.equal(type.lowest()));
            if (!once && when.matchesAll(type.lowest(), type.highest())) {
                throw in.failure(DiceProblem.LIMIT, at, "a reroll some face stops",
                        type + " r" + when + " would reroll every face forever.");
            }
            reroll = Optional.of(new Reroll(once, when));
            return true;
        }
        if (in.eat("!")) {
            once(explode, at);
            Explode.Kind kind = in.eat("!") ? Explode.Kind.COMPOUNDING
                    : in.eat("p") ? Explode.Kind.PENETRATING : Explode.Kind.PLAIN;
            Compare when = compare(false).orElse(Compare.equal(type.highest()));
            if (when.matchesAll(type.lowest(), type.highest())) {
                throw in.failure(DiceProblem.LIMIT, at, "an explosion some face stops",
                        type + kind.symbol + (when.value() == type.highest() ? "" : when) + " would explode on every face, forever.");
            }
            explode = Optional.of(new Explode(kind, when));
            return true;
        }
        if (in.eat("min")) {
            once(min, at);
            min = Optional.of((int) in.signedNumber());
            return true;
        }
        if (in.eat("max")) {
            once(max, at);
            max = Optional.of((int) in.signedNumber());
            return true;
        }
        return false;
    }

    private boolean sharedModifier() {
        int at = in.pos();
        Keep.Kind kind = in.eat("kh") ? Keep.Kind.KEEP_HIGHEST
                : in.eat("kl") ? Keep.Kind.KEEP_LOWEST
                : in.eat("k") ? Keep.Kind.KEEP_HIGHEST
                : in.eat("dh") ? Keep.Kind.DROP_HIGHEST
                : in.eat("dl") ? Keep.Kind.DROP_LOWEST : null;
        if (kind != null) {
            once(keep, at);
            int countAt = in.pos();
            long count = in.digitAt(countAt) ? in.digits() : 1;
            if (count < 1) {
                throw in.failure(DiceProblem.SYNTAX, countAt, "a count of at least 1",
                        "Keep or drop at least 1, not " + count + ".");
            }
            keep = Optional.of(new Keep(kind, (int) count));
            return true;
        }
        if (in.eat("f")) {
            once(failure, at);
            if (success.isEmpty()) {
                throw in.failure(DiceProblem.SYNTAX, at, "a success compare point (such as >4) before f",
                        "Failures (f) count only where successes do: write one first, as in 6d10>7f1.");
            }
            failure = compare(false);
            if (failure.isEmpty()) {
                throw in.expected("a compare point such as 1 or <3");
            }
            return true;
        }
        Optional<Compare> compare = compare(true);
        if (compare.isPresent()) {
            once(success, at);
            success = compare;
            return true;
        }
        return false;
    }

    /**
     * A compare point: a relation symbol and a number, or with {@code symbolRequired} false a bare
     * number meaning "equal to"; empty when neither is there.
     */
    private Optional<Compare> compare(boolean symbolRequired) {
        Compare.Relation relation = in.eat(">=") ? Compare.Relation.GREATER_OR_EQUAL
                : in.eat("<=") ? Compare.Relation.LESS_OR_EQUAL
                : in.eat(">") ? Compare.Relation.GREATER
                : in.eat("<") ? Compare.Relation.LESS
                : in.eat("=") ? Compare.Relation.EQUAL : null;
        if (relation != null) {
            return Optional.of(new Compare(relation, in.signedNumber()));
        }
        if (!symbolRequired && in.digitAt(in.pos())) {
            return Optional.of(Compare.equal(in.digits()));
        }
        return Optional.empty();
    }

    private void once(Optional<?> seen, int at) {
        if (seen.isPresent()) {
            throw in.failure(DiceProblem.SYNTAX, at, "each modifier at most once",
                    "At position " + at + ": this kind of modifier is already given for these dice.");
        }
    }
}
