// Reconnect delays: 1, 2, 4, 8, 16, then 30 s for every further attempt, with "equal jitter":
// each delay is drawn from [ceiling / 2, ceiling]. Jitter spreads a table's reconnects after a
// server restart; keeping the lower half (rather than full jitter's [0, ceiling]) stops a client
// from hammering the server with near-zero waits.

export const BACKOFF_CEILINGS_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000, 30000];

/** The ceiling of the delay before retry number `attempt` (0 = the first retry). */
export function backoffCeiling(attempt: number): number {
  const i = Math.min(Math.max(0, Math.floor(attempt)), BACKOFF_CEILINGS_MS.length - 1);
  return BACKOFF_CEILINGS_MS[i] as number;
}

/** The delay before retry number `attempt`; `random` returns [0, 1) like Math.random (injected by tests). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(attempt);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + r * (ceiling / 2));
}
