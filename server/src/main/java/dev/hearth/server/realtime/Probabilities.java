package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.dice.DiceLimits;
import dev.hearth.core.dice.DiceNotation;
import dev.hearth.core.dice.DiceProblem;
import dev.hearth.core.dice.Distribution;
import dev.hearth.core.dice.ParseResult;
import dev.hearth.core.dice.Rational;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.protocol.Frames;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dice.probability}: the exact distribution of one roll of an expression, as doubles, for
 * "chance to reach". The work is bounded by the calculator's own budget; an expression it refuses
 * is {@code E007} with the reason ({@code syntax}, {@code limit}, {@code too_complex}, ...).
 */
public final class Probabilities {

    private final Frames frames;

    public Probabilities(Frames frames) {
        this.frames = frames;
    }

    /** {@code {min, max, mean, distribution: [{total, p}], atLeast?}}. */
    public Outcome<ObjectNode> of(String expression, Optional<Long> atLeast) {
        ParseResult parsed = DiceNotation.parse(expression, DiceLimits.DEFAULT);
        if (parsed instanceof ParseResult.Failed f) {
            return refused(f.problem(), f.position(), Optional.of(f.expected()), f.message());
        }
        Distribution.Result computed = Distribution.of(((ParseResult.Parsed) parsed).expression(), DiceLimits.DEFAULT);
        if (computed instanceof Distribution.Result.Refused r) {
            return refused(r.problem(), r.position(), Optional.empty(), r.message());
        }
        Distribution distribution = ((Distribution.Result.Exact) computed).distribution();
        ObjectNode result = frames.object().put("min", distribution.min()).put("max", distribution.max())
                .put("mean", distribution.mean().toDouble());
        ArrayNode totals = result.putArray("distribution");
        for (Map.Entry<Long, Rational> e : distribution.probabilities().entrySet()) {
            totals.addObject().put("total", e.getKey()).put("p", e.getValue().toDouble());
        }
        atLeast.ifPresent(n -> result.put("atLeast", distribution.atLeast(n).toDouble()));
        return Outcome.done(result);
    }

    private static Outcome<ObjectNode> refused(DiceProblem problem, int position, Optional<String> expected,
            String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "expression");
        details.put("reason", problem.name().toLowerCase(Locale.ROOT));
        details.put("position", position);
        expected.ifPresent(e -> details.put("expected", e));
        return Outcome.refused(new Refusal(400, new ErrorBody(ErrorCode.E007, message, details, null)));
    }
}
