/**
 * What an operator asks the server: is it alive ({@code GET /health}, {@link
 * dev.hearth.server.ops.LivenessHandler}), can it serve ({@code GET /ready}, {@link
 * dev.hearth.server.ops.ReadinessHandler}), and how is it doing ({@code GET /metrics}, {@link
 * dev.hearth.server.ops.MetricsHandler}, fed by {@link dev.hearth.server.ops.HttpRequestMetrics}
 * and {@link dev.hearth.server.ops.JvmMetrics}). Metric names are listed in docs/operations.md.
 */
package dev.hearth.server.ops;
