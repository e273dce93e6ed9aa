package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One call of {@link DiceRoller#roll(Expression)}: the generator, and the dice thrown so far against the limit. */
final class Evaluation {

    private final RandomGenerator random;
    private final DiceLimits limits;
    private int thrown;
    private List<Term> terms;

    Evaluation(RandomGenerator random, DiceLimits limits) {
        this.random = random;
        this.limits = limits;
    }

    Roll roll(Node root) {
        terms = new ArrayList<>();
        Value value = evaluate(root);
        return new Roll(value.total, terms, value.text);
    }

    /** A node's total and its text in the breakdown. */
    private record Value(long total, String text) {}

    private Value evaluate(Node node) {
        return switch (node) {
            case Node.Constant c -> new Value(c.value(), Long.toString(c.value()));
            case Node.Dice d -> dice(d);
            case Node.Group g -> group(g);
            case Node.Negate n -> {
                Value v = evaluate(n.operand());
                yield new Value(exact(n, () -> Math.negateExact(v.total)), "-" + Notation.operand(n.operand(), v.text));
            }
            case Node.Binary b -> {
                Value l = evaluate(b.left());
                Value r = evaluate(b.right());
                if (b.operator().divides() && r.total == 0) {
                    throw new Failure(DiceProblem.DIVISION_BY_ZERO, b.position(),
                            "Division by zero at position " + b.position() + ": " + Notation.render(b.right()) + " came to 0.");
                }
                yield new Value(exact(b, () -> b.operator().apply(l.total, r.total)), Notation.binary(b, l.text, r.text));
            }
        };
    }

    private Value dice(Node.Dice d) {
        DiceModifiers m = d.modifiers();
        List<Die> dice = new ArrayList<>();
        for (int i = 0; i < d.count(); i++) {
            new DieChain(d, this::throwOne).roll(limits.maxChain(), dice);
        }
        dice = Pools.keep(dice, m.keep(), Die::value, Die::with);
        long total = 0;
        List<Die> counted = new ArrayList<>();
        for (Die die : dice) {
            if (die.kept() && m.counting().isPresent()) {
                long score = m.counting().get().score(die.value());
                total += score;
                counted.add(score > 0 ? die.with(DieState.SUCCESS) : score < 0 ? die.with(DieState.FAILURE) : die);
            } else {
                total += die.kept() ? die.value() : 0;
                counted.add(die);
            }
        }
        terms.add(new Term(TermKind.DICE, Notation.render(d), total, counted, List.of(), m.counting().isPresent()));
        return new Value(total, counted.stream().map(Die::render).collect(Collectors.joining(", ", "[", "]")));
    }

    private Value group(Node.Group g) {
        List<Value> values = g.members().stream().map(this::evaluate).toList();
        List<Member> members = IntStream.range(0, values.size())
                .mapToObj(i -> new Member(Notation.render(g.members().get(i)), values.get(i).total, List.of()))
                .collect(Collectors.toCollection(ArrayList::new));
        members = Pools.keep(members, g.keep(), Member::value, Member::with);
        long total = 0;
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.kept()) {
                long score = g.counting().map(c -> c.score(member.value())).orElse(member.value());
                total += score;
                if (g.counting().isPresent() && score != 0) {
                    members.set(i, member.with(score > 0 ? DieState.SUCCESS : DieState.FAILURE));
                }
            }
            Member shown = members.get(i);
            String item = values.get(i).text + "=" + shown.value()
                    + (shown.states().contains(DieState.SUCCESS) ? "*" : shown.states().contains(DieState.FAILURE) ? "f" : "");
            text.append(i == 0 ? "" : ", ").append(shown.kept() ? item : "~" + item + "~");
        }
        text.append('}');
        terms.add(new Term(TermKind.GROUP, Notation.render(g), total, List.of(), members, g.counting().isPresent()));
        return new Value(total, text.toString());
    }

    /** One die thrown, counted against {@link DiceLimits#maxDice}. */
    private int throwOne(Node.Dice d) {
        if (++thrown > limits.maxDice()) {
            throw new Failure(DiceProblem.LIMIT, d.position(), "This roll went past " + limits.maxDice()
                    + " dice with its rerolls and explosions (at position " + d.position() + ").");
        }
        DieType type = d.type();
        return type.lowest() + random.nextInt(type.highest() - type.lowest() + 1);
    }

    private static long exact(Node node, LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (ArithmeticException e) {
            throw new Failure(DiceProblem.OVERFLOW, node.position(),
                    "At position " + node.position() + " the result is too large to count.");
        }
    }

    /** Unwinds a roll to {@link DiceRoller#roll(Expression)}; never leaves this package. */
    static final class Failure extends RuntimeException {
        final DiceProblem problem;
        final int position;

        Failure(DiceProblem problem, int position, String message) {
            super(message, null, false, false);
            this.problem = problem;
            this.position = position;
        }
    }
}
