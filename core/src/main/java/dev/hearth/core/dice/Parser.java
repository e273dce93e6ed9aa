package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recursive-descent parser over characters; dice terms are read without spaces inside them
 * ({@code 4d6kh3}) because their letters run together, everywhere else spaces are free.
 *
 * <pre>
 * roll      = [count "x"] sum ["#" label]
 * sum       = product {("+" | "-") product}
 * product   = unary {("*" | "/") unary}
 * unary     = "-" unary | primary
 * primary   = number | dice | "adv" | "dis" | ("floor" | "ceil" | "round") "(" sum ")"
 *           | "(" sum ")" | "{" sum {"," sum} "}" {groupModifier}
 * dice      = [number] "d" (number | "%" | "F") {modifier}
 * </pre>
 */
final class Parser {

    private static final String PRIMARY = "a number, dice (such as d20), adv, dis, floor(, ceil(, round(, '(' or '{'";

    private final String text;
    private final DiceLimits limits;
    private int end;
    private int pos;
    private int repeats = 1;
    private long diceWritten;

    Parser(String text, DiceLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    ParseResult parse() {
        try {
            return new ParseResult.Parsed(roll());
        } catch (Failure f) {
            return new ParseResult.Failed(f.problem, f.position, f.expected, f.getMessage());
        }
    }

    private Expression roll() {
        if (text.length() > limits.maxLength()) {
            throw new Failure(DiceProblem.LIMIT, limits.maxLength(), "at most " + limits.maxLength() + " characters",
                    "Dice notation is at most " + limits.maxLength() + " characters; this is " + text.length() + ".");
        }
        int hash = text.indexOf('#');
        end = hash < 0 ? text.length() : hash;
        String label = hash < 0 ? "" : text.substring(hash + 1).strip();
        skipSpace();
        repeats();
        if (pos == end) {
            throw expected(PRIMARY);
        }
        Node root = sum();
        skipSpace();
        if (pos != end) {
            throw expected("an operator (+ - * /), a modifier or the end");
        }
        return new Expression(root, repeats, label);
    }

    /** {@code 6 x ...}: a count, then an {@code x}; anything else was the start of the expression. */
    private void repeats() {
        int start = pos;
        if (!digitAt(pos)) {
            return;
        }
        long n = digits();
        skipSpace();
        if (pos < end && text.charAt(pos) == 'x') {
            if (n < 1 || n > limits.maxRepeats()) {
                throw new Failure(DiceProblem.LIMIT, start, "1 to " + limits.maxRepeats() + " repeats",
                        "A roll repeats 1 to " + limits.maxRepeats() + " times, not " + n + ".");
            }
            repeats = (int) n;
            pos++;
        } else {
            pos = start;
        }
    }

    private Node sum() {
        Node left = product();
        while (true) {
            skipSpace();
            int at = pos;
            if (eat("+")) {
                left = new Node.Binary(at, Operator.ADD, left, product());
            } else if (eat("-")) {
                left = new Node.Binary(at, Operator.SUBTRACT, left, product());
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            int at = pos;
            if (eat("*")) {
                left = new Node.Binary(at, Operator.MULTIPLY, left, unary());
            } else if (eat("/")) {
                left = new Node.Binary(at, Operator.DIVIDE, left, unary());
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        skipSpace();
        int at = pos;
        return eat("-") ? new Node.Negate(at, unary()) : primary();
    }

    private Node primary() {
        skipSpace();
        int at = pos;
        if (eat("(")) {
            Node inner = sum();
            expect(")");
            return inner;
        }
        if (eat("{")) {
            return group(at);
        }
        if (eat("adv")) {
            return advantage(at, Keep.Kind.KEEP_HIGHEST);
        }
        if (eat("dis")) {
            return advantage(at, Keep.Kind.KEEP_LOWEST);
        }
        for (Operator rounding : List.of(Operator.FLOOR_DIVIDE, Operator.CEIL_DIVIDE, Operator.ROUND_DIVIDE)) {
            if (eat(rounding.symbol)) {
                return rounded(rounding);
            }
        }
        if (digitAt(pos)) {
            long n = digits();
            if (pos < end && text.charAt(pos) == 'd') {
                return dice(at, n);
            }
            return new Node.Constant(at, n);
        }
        if (pos < end && text.charAt(pos) == 'd') {
            return dice(at, 1);
        }
        throw expected(PRIMARY);
    }

    /** {@code floor(a/b)} rounds that division down; around anything else the rounding has nothing to do. */
    private Node rounded(Operator rounding) {
        skipSpace();
        expect("(");
        Node inner = sum();
        expect(")");
        if (inner instanceof Node.Binary b && b.operator() == Operator.DIVIDE) {
            return new Node.Binary(b.position(), rounding, b.left(), b.right());
        }
        return inner;
    }

    private Node advantage(int at, Keep.Kind kind) {
        countDice(at, 2);
        DiceModifiers keep = new DiceModifiers(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new Keep(kind, 1)), Optional.empty());
        return new Node.Dice(at, 2, DieType.of(20), keep);
    }

    private Node dice(int at, long count) {
        if (count < 1) {
            throw new Failure(DiceProblem.SYNTAX, at, "at least 1 die", "Roll at least 1 die, not " + count + ".");
        }
        countDice(at, count);
        pos++; // the 'd'
        DieType type;
        if (eat("%")) {
            type = DieType.of(100);
        } else if (eat("F")) {
            type = DieType.FUDGE;
        } else if (digitAt(pos)) {
            int sidesAt = pos;
            long sides = digits();
            if (sides < 1 || sides > limits.maxSides()) {
                throw new Failure(sides < 1 ? DiceProblem.SYNTAX : DiceProblem.LIMIT, sidesAt,
                        "1 to " + limits.maxSides() + " sides", "A die has 1 to " + limits.maxSides() + " sides, not " + sides + ".");
            }
            type = DieType.of((int) sides);
        } else {
            throw expected("a number of sides, '%' or 'F'");
        }
        return new Node.Dice(at, (int) count, type, new DiceModifierParser(this, type).modifiers());
    }

    /** Dice written count before anything is rolled, so {@code 1000000d6} fails without rolling. */
    private void countDice(int at, long count) {
        diceWritten += count;
        if (diceWritten * repeats > limits.maxDice()) {
            throw new Failure(DiceProblem.LIMIT, at, "at most " + limits.maxDice() + " dice in all",
                    "A roll throws at most " + limits.maxDice() + " dice in all" + (repeats > 1 ? ", repeats included" : "")
                            + "; this asks for " + (diceWritten * repeats) + " or more.");
        }
    }

    private Node group(int at) {
        List<Node> members = new ArrayList<>();
        members.add(sum());
        while (true) {
            skipSpace();
            if (eat(",")) {
                members.add(sum());
            } else if (eat("}")) {
                break;
            } else {
                throw expected("',' or '}'");
            }
        }
        DiceModifierParser modifiers = new DiceModifierParser(this, null);
        modifiers.groupModifiers();
        return new Node.Group(at, members, modifiers.keep(), modifiers.counting());
    }

    // Scanning, shared with DiceModifierParser.

    int pos() {
        return pos;
    }

    boolean eat(String token) {
        if (text.startsWith(token, pos) && pos + token.length() <= end) {
            pos += token.length();
            return true;
        }
        return false;
    }

    void expect(String token) {
        skipSpace();
        if (!eat(token)) {
            throw expected("'" + token + "'");
        }
    }

    boolean digitAt(int i) {
        return i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /** A run of digits, refused past 9 of them: no table needs bigger numbers, and this keeps sums far from overflow. */
    long digits() {
        int start = pos;
        while (digitAt(pos)) {
            pos++;
        }
        if (pos - start > 9) {
            throw new Failure(DiceProblem.LIMIT, start, "a number below 1000000000",
                    "Numbers in dice notation are below 1000000000.");
        }
        return Long.parseLong(text.substring(start, pos));
    }

    /** A number that may be negative, where no minus could mean subtraction (after a compare symbol, min, max). */
    long signedNumber() {
        boolean negative = eat("-");
        if (!digitAt(pos)) {
            throw expected("a number");
        }
        long n = digits();
        return negative ? -n : n;
    }

    private void skipSpace() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    Failure expected(String what) {
        String found = pos >= end ? "the end" : "'" + text.charAt(pos) + "'";
        return new Failure(DiceProblem.SYNTAX, pos, what, "At position " + pos + ": expected " + what + ", found " + found + ".");
    }

    Failure failure(DiceProblem problem, int at, String expected, String message) {
        return new Failure(problem, at, expected, message);
    }

    /** Unwinds the descent to {@link #parse}; never leaves this package. */
    static final class Failure extends RuntimeException {
        final DiceProblem problem;
        final int position;
        final String expected;

        Failure(DiceProblem problem, int position, String expected, String message) {
            super(message, null, false, false);
            this.problem = problem;
            this.position = position;
            this.expected = expected;
        }
    }
}
