/**
 * The big-scene benchmark ({@code bench/run map}).
 *
 * <p>{@link dev.hearth.bench.map.MapBench} builds each {@code MapScenario}'s {@code BaseScene} (a
 * {@code Cast} of a GM and five players; things placed by {@code Layout}), then a {@code ScenarioRun}
 * feeds it the {@code CommandMix}, episode after episode, through {@code CommandPath} (the table's
 * decide and apply and the server's codec, as the table actor runs them), keeping {@code KindStats}
 * per {@code CommandKind}. {@code StateCosts} times the snapshot and the welcome's map view, and
 * {@code PastTheLimits} checks that one more than a full scene holds is refused. {@code MapReport}
 * prints the {@code ScenarioResult}s and writes {@code map.json}.
 */
package dev.hearth.bench.map;
