/**
 * Dice: notation, rolls and exact probabilities, with no I/O and no clock.
 *
 * <p>{@link dev.hearth.core.dice.DiceNotation} parses text such as {@code 4d6dl1}, {@code adv+5 # attack}
 * or {@code {4d6, 3d8}kh1} into an {@link dev.hearth.core.dice.Expression} (errors are a
 * {@link dev.hearth.core.dice.ParseResult.Failed} naming the position and what was expected).
 * A {@link dev.hearth.core.dice.DiceRoller} rolls it with the {@code RandomGenerator} it is given into
 * a {@link dev.hearth.core.dice.RollResult}: plain records down to each {@link dev.hearth.core.dice.Die},
 * fit for the event log. {@link dev.hearth.core.dice.Distribution} computes the exact probability of
 * every total, as {@link dev.hearth.core.dice.Rational}s. {@link dev.hearth.core.dice.InlineRolls}
 * rolls the {@code [[...]]} spans of a chat message. {@link dev.hearth.core.dice.DiceLimits} bounds
 * all of it.
 *
 * <p>Inside: {@code Parser} and {@code DiceModifierParser} build {@code Node}s; {@code Notation}
 * writes them back; {@code Evaluation}, {@code DieChain} and {@code Pools} roll them;
 * {@code ExactEvaluator}, {@code DieModel}, {@code OrderStatistics} and {@code Weights} compute
 * distributions. Rolling and the distribution share one reading of the notation, and the tests hold
 * the roller to the distribution statistically.
 */
package dev.hearth.core.dice;
