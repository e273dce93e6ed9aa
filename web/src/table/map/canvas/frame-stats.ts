// A frame-time sampler for the browser tests (window.__hearthMapStats): start() records the
// intervals between animation frames, stop() reports fps and the 95th percentile frame time. The
// counts say what the stage holds, so a test can check it measured the scene it meant to; tokens()
// and toClient() say where things are on the page, so a test can point at them (the canvas has no
// DOM of its own to find them by).

export interface FrameReport {
  frames: number;
  fps: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

/** A token as the stage shows it: where it is on the map, and its box on the page (client pixels). */
export interface TokenOnStage {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  client: { x: number; y: number; width: number; height: number };
}

export interface StageProbe {
  counts(): { tokens: number; drawings: number; fogOps: number };
  tokens(): TokenOnStage[];
  /** A map point in client pixels (what a pointer event's clientX/clientY would be). */
  toClient(x: number, y: number): { x: number; y: number };
}

export interface MapStats extends StageProbe {
  start(): void;
  stop(): FrameReport;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function report(intervals: number[]): FrameReport {
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = intervals.reduce((a, b) => a + b, 0);
  const mean = intervals.length ? total / intervals.length : 0;
  return {
    frames: intervals.length,
    fps: mean > 0 ? Math.round((1000 / mean) * 10) / 10 : 0,
    meanMs: Math.round(mean * 100) / 100,
    p95Ms: Math.round(percentile(sorted, 95) * 100) / 100,
    maxMs: Math.round((sorted.at(-1) ?? 0) * 100) / 100,
  };
}

/** Installs the sampler on window; returns its removal. */
export function installMapStats(probe: StageProbe): () => void {
  let intervals: number[] = [];
  let last = 0;
  let frame = 0;
  const tick = (t: number) => {
    if (last) intervals.push(t - last);
    last = t;
    frame = requestAnimationFrame(tick);
  };
  const stats: MapStats = {
    start() {
      cancelAnimationFrame(frame);
      intervals = [];
      last = 0;
      frame = requestAnimationFrame(tick);
    },
    stop() {
      cancelAnimationFrame(frame);
      return report(intervals);
    },
    counts: () => probe.counts(),
    tokens: () => probe.tokens(),
    toClient: (x, y) => probe.toClient(x, y),
  };
  (window as unknown as { __hearthMapStats?: MapStats }).__hearthMapStats = stats;
  return () => {
    cancelAnimationFrame(frame);
    delete (window as unknown as { __hearthMapStats?: MapStats }).__hearthMapStats;
  };
}
