package dev.hearth.core.dice;

import java.util.stream.Collectors;

/**
 * The canonical text of an expression: counts always written ({@code 1d20}), {@code d%} as
 * {@code d100}, modifiers in the order they apply, a default compare point left out, no spaces but
 * after commas, parentheses only where precedence needs them.
 */
final class Notation {

    private Notation() {}

    static String render(Node node) {
        return switch (node) {
            case Node.Constant c -> Long.toString(c.value());
            case Node.Dice d -> d.count() + d.type().toString() + d.modifiers().render(d.type());
            case Node.Group g -> g.members().stream().map(Notation::render).collect(Collectors.joining(", ", "{", "}"))
                    + g.keep().map(Keep::toString).orElse("") + g.counting().map(Counting::toString).orElse("");
            case Node.Negate n -> "-" + operand(n.operand(), render(n.operand()));
            case Node.Binary b -> binary(b, render(b.left()), render(b.right()));
        };
    }

    /** How tightly a node binds when written: sums 1, products 2, negation 3, anything else 4. */
    static int precedence(Node node) {
        return switch (node) {
            case Node.Binary b -> b.operator().precedence;
            case Node.Negate n -> 3;
            case Node.Constant c -> 4;
            case Node.Dice d -> 4;
            case Node.Group g -> 4;
        };
    }

    /** A negation's operand, in parentheses if it binds more loosely than the minus. */
    static String operand(Node operand, String text) {
        return precedence(operand) < 3 ? "(" + text + ")" : text;
    }

    /**
     * A binary node from its operands' texts (canonical notation, or a roll's rendering): operators
     * associate to the left, so a right operand of the same precedence is parenthesised.
     */
    static String binary(Node.Binary b, String left, String right) {
        Operator op = b.operator();
        // Inside floor(...) and the like the division is a plain one as far as its operands go.
        int binds = op.precedence == 4 ? Operator.DIVIDE.precedence : op.precedence;
        String l = precedence(b.left()) < binds ? "(" + left + ")" : left;
        String r = precedence(b.right()) <= binds ? "(" + right + ")" : right;
        return op.precedence == 4 ? op.symbol + "(" + l + "/" + r + ")" : l + op.symbol + r;
    }
}
