/**
 * The store append benchmark ({@code bench/run store}).
 *
 * <p>{@link dev.hearth.bench.store.StoreBench} turns its options into {@code Scenario}s (engine ×
 * sessions × group commit); {@code ScenarioRunner} runs each on a {@code ScratchDatabase} of its
 * own with one {@code SessionWriter} (a virtual thread acting as a session actor) per session, then
 * {@code LogAudit} reads every log back. {@code ResultTable} and {@code ResultFile} report the
 * {@code ScenarioResult}s, their {@code Ratio}s to the baseline and the {@code TargetCheck}s.
 */
package dev.hearth.bench.store;
