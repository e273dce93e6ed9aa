// What others are doing on the map right now, never stored (the issue-9 contract's ephemerals):
// their cursors (`cursor_moves`), drawing previews (`draw_preview`), rulers and pings; and ours,
// sent throttled (the server keeps only the latest of each per user anyway). Spectators send nothing.
import type { Envelope } from '../../lib/realtime/envelope';
import type { CurrentUser } from '../../lib/tokens';
import type { TableClient } from '../table-model.svelte';

export type LiveClient = Pick<TableClient, 'ephemeral' | 'on' | 'off'>;

export interface Cursor {
  x: number;
  y: number;
  scene?: string;
  at: number;
}

export interface Preview {
  points: number[];
  color?: string;
  width?: number;
  at: number;
}

export interface Ruler {
  scene: string;
  points: number[];
  at: number;
}

export interface Ping {
  key: number;
  userId: string;
  scene: string;
  x: number;
  y: number;
  at: number;
}

/** How long each shows without a renewal. */
export const CURSOR_MS = 10_000;
export const PREVIEW_MS = 3_000;
export const RULER_MS = 10_000;
export const PING_MS = 2_000;
/** Our sends at most this often (a drag's cursor, a stroke's preview, a ruler). */
export const SEND_EVERY_MS = 50;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter(finite) : []);

export class LiveMap {
  cursors = $state.raw<Record<string, Cursor>>({});
  previews = $state.raw<Record<string, Preview>>({});
  rulers = $state.raw<Record<string, Ruler>>({});
  pings = $state.raw<Ping[]>([]);

  private lastSent: Record<string, number> = {};
  private waiting: Record<string, ReturnType<typeof setTimeout>> = {};
  private pingKey = 0;
  private pruner: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly client: LiveClient,
    readonly me: CurrentUser,
    private readonly now: () => number = Date.now,
  ) {}

  start(): () => void {
    const handlers: [string, (f: Envelope) => void][] = [
      ['cursor_moves', (f) => this.cursorMoves(f)],
      ['draw_preview', (f) => this.preview(f)],
      ['ruler', (f) => this.ruler(f)],
      ['ping', (f) => this.ping(f)],
    ];
    for (const [type, h] of handlers) this.client.on(type, h);
    this.pruner = setInterval(() => this.prune(), 500);
    return () => {
      for (const [type, h] of handlers) this.client.off(type, h);
      if (this.pruner) clearInterval(this.pruner);
      for (const t of Object.values(this.waiting)) clearTimeout(t);
    };
  }

  // ------------------------------------------------------------------ ours

  cursor(scene: string, x: number, y: number): void {
    this.throttled('cursor_move', { x: Math.round(x), y: Math.round(y), scene });
  }

  drawPreview(points: number[], color: string, width: number, layer: string): void {
    const payload: Record<string, unknown> = { points: points.slice(0, 2000).map(Math.round), color: color.slice(0, 7), width: Math.min(64, Math.max(0.5, width)) };
    if (layer !== 'drawings') payload.layer = layer;
    this.throttled('draw_preview', payload);
  }

  /** Our ruler: 2-20 points, or none to clear it. `privately`: GMs only see it (a GM's choice). */
  measure(scene: string, points: number[], privately = false): void {
    const payload: Record<string, unknown> = { scene, points: points.length >= 4 ? points.slice(0, 40) : [] };
    if (privately) payload.private = true;
    if (payload.points instanceof Array && payload.points.length === 0) this.send('ruler', payload);
    else this.throttled('ruler', payload);
  }

  pingAt(scene: string, x: number, y: number, privately = false): void {
    const payload: Record<string, unknown> = { scene, x: Math.round(x), y: Math.round(y) };
    if (privately) payload.private = true;
    this.client.ephemeral('ping', payload);
    this.addPing(this.me.userId, scene, x, y); // our own shows at once
  }

  // ------------------------------------------------------------------ theirs

  private cursorMoves(f: Envelope): void {
    const list = (f.payload as { cursors?: unknown }).cursors;
    if (!Array.isArray(list)) return;
    const next = { ...this.cursors };
    for (const c of list as Record<string, unknown>[]) {
      if (typeof c?.userId !== 'string' || c.userId === this.me.userId || !finite(c.x) || !finite(c.y)) continue;
      next[c.userId] = { x: c.x, y: c.y, scene: typeof c.scene === 'string' ? c.scene : undefined, at: this.now() };
    }
    this.cursors = next;
  }

  private preview(f: Envelope): void {
    const p = f.payload as { userId?: string; stroke?: { points?: unknown; color?: string; width?: number } };
    if (typeof p.userId !== 'string' || p.userId === this.me.userId) return;
    const points = numbers(p.stroke?.points);
    const next = { ...this.previews };
    if (points.length < 2) delete next[p.userId];
    else next[p.userId] = { points, color: p.stroke?.color, width: p.stroke?.width, at: this.now() };
    this.previews = next;
  }

  private ruler(f: Envelope): void {
    const p = f.payload as { userId?: string; scene?: string; points?: unknown };
    if (typeof p.userId !== 'string' || p.userId === this.me.userId) return;
    const points = numbers(p.points);
    const next = { ...this.rulers };
    if (points.length < 4 || typeof p.scene !== 'string') delete next[p.userId];
    else next[p.userId] = { scene: p.scene, points, at: this.now() };
    this.rulers = next;
  }

  private ping(f: Envelope): void {
    const p = f.payload as { userId?: string; scene?: string; x?: unknown; y?: unknown };
    if (typeof p.userId !== 'string' || p.userId === this.me.userId || typeof p.scene !== 'string') return;
    if (!finite(p.x) || !finite(p.y)) return;
    this.addPing(p.userId, p.scene, p.x, p.y);
  }

  private addPing(userId: string, scene: string, x: number, y: number): void {
    this.pings = [...this.pings, { key: ++this.pingKey, userId, scene, x, y, at: this.now() }];
  }

  /** Forgets what ran out. */
  prune(): void {
    const now = this.now();
    const keep = <T extends { at: number }>(items: Record<string, T>, ms: number): Record<string, T> | null => {
      const entries = Object.entries(items);
      const kept = entries.filter(([, v]) => now - v.at < ms);
      return kept.length === entries.length ? null : Object.fromEntries(kept);
    };
    const cursors = keep(this.cursors, CURSOR_MS);
    if (cursors) this.cursors = cursors;
    const previews = keep(this.previews, PREVIEW_MS);
    if (previews) this.previews = previews;
    const rulers = keep(this.rulers, RULER_MS);
    if (rulers) this.rulers = rulers;
    if (this.pings.some((p) => now - p.at >= PING_MS)) this.pings = this.pings.filter((p) => now - p.at < PING_MS);
  }

  /** At most one send per type every SEND_EVERY_MS; the latest waits for its turn. */
  private throttled(type: string, payload: Record<string, unknown>): void {
    const since = this.now() - (this.lastSent[type] ?? 0);
    clearTimeout(this.waiting[type]);
    if (since >= SEND_EVERY_MS) this.send(type, payload);
    else this.waiting[type] = setTimeout(() => this.send(type, payload), SEND_EVERY_MS - since);
  }

  private send(type: string, payload: Record<string, unknown>): void {
    clearTimeout(this.waiting[type]);
    this.lastSent[type] = this.now();
    this.client.ephemeral(type, payload);
  }
}
