/**
 * The load benchmark ({@code bench/run load}): a generator of simulated GMs and players on real
 * WebSockets, the issue-7 scenarios, the raw Jetty relay that is its baseline, and the report.
 */
package dev.hearth.bench.load;
