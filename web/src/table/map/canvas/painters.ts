// Canvas painters for what is drawn as one path each frame rather than as nodes: the grid (only
// its visible part), the fog (ops composited in order, so the last op holding a point wins as in
// core), and the live overlay (others' cursors, rulers, previews and pings; our gesture).
import type Konva from 'konva';
import type { Fog, FogArea, Grid } from '../map-view';
import { hexCentre, hexCorners, hexRowHeight, rulerDistance } from '../geometry';
import type { Box } from '../geometry';

type Ctx = CanvasRenderingContext2D;

/** The native 2D context under Konva's wrapper (composite operations, text). */
export const native = (ctx: Konva.Context): Ctx => (ctx as unknown as { _context: Ctx })._context;

/** At most this many cells are outlined; further out the grid would be noise. */
const MAX_CELLS = 40_000;

export function paintGrid(ctx: Ctx, grid: Grid, view: Box, scale: number): void {
  const cell = grid.cellSize;
  const cols = (view.maxX - view.minX) / cell;
  const rows = (view.maxY - view.minY) / cell;
  if (cols * rows > MAX_CELLS) return;
  ctx.beginPath();
  if (grid.kind === 'square') {
    const x0 = grid.offsetX + Math.floor((view.minX - grid.offsetX) / cell) * cell;
    const y0 = grid.offsetY + Math.floor((view.minY - grid.offsetY) / cell) * cell;
    for (let x = x0; x <= view.maxX; x += cell) {
      ctx.moveTo(x, view.minY);
      ctx.lineTo(x, view.maxY);
    }
    for (let y = y0; y <= view.maxY; y += cell) {
      ctx.moveTo(view.minX, y);
      ctx.lineTo(view.maxX, y);
    }
  } else {
    const rh = hexRowHeight(grid);
    const r0 = Math.floor((view.minY - grid.offsetY) / rh) - 1;
    const r1 = Math.ceil((view.maxY - grid.offsetY) / rh) + 1;
    for (let r = r0; r <= r1; r++) {
      const q0 = Math.floor((view.minX - grid.offsetX) / cell - r / 2) - 1;
      const q1 = Math.ceil((view.maxX - grid.offsetX) / cell - r / 2) + 1;
      for (let q = q0; q <= q1; q++) {
        const c = hexCorners(grid, hexCentre(grid, q, r));
        ctx.moveTo(c[0]!, c[1]!);
        for (let i = 2; i < 12; i += 2) ctx.lineTo(c[i]!, c[i + 1]!);
        ctx.closePath();
      }
    }
  }
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
  ctx.lineWidth = 1 / scale;
  ctx.stroke();
}

function areaPath(ctx: Ctx, area: FogArea): void {
  ctx.beginPath();
  if (area.kind === 'rect') {
    ctx.rect(area.x, area.y, area.width, area.height);
    return;
  }
  const p = area.points;
  ctx.moveTo(p[0]!, p[1]!);
  for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
  ctx.closePath();
}

export const FOG_COLOUR = '#1b1f24';

/** Fog over the visible box: the start, then each op in order (reveal cuts it away, hide paints it back). */
export function paintFog(ctx: Ctx, fog: Fog, view: Box): void {
  const pad = (view.maxX - view.minX) * 0.1;
  ctx.fillStyle = FOG_COLOUR;
  if (fog.fogged) ctx.fillRect(view.minX - pad, view.minY - pad, view.maxX - view.minX + 2 * pad, view.maxY - view.minY + 2 * pad);
  for (const op of fog.ops) {
    ctx.globalCompositeOperation = op.mode === 'reveal' ? 'destination-out' : 'source-over';
    areaPath(ctx, op.area);
    ctx.fill('evenodd');
  }
  ctx.globalCompositeOperation = 'source-over';
}

export function polyline(ctx: Ctx, points: number[], closed = false): void {
  if (points.length < 2) return;
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!);
  if (closed) ctx.closePath();
}

/** A ruler: its legs, and its length in game units at the end. */
export function paintRuler(ctx: Ctx, grid: Grid, points: number[], colour: string, scale: number, who?: string): void {
  if (points.length < 4) return;
  ctx.save();
  ctx.setLineDash([10 / scale, 6 / scale]);
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = colour;
  polyline(ctx, points);
  ctx.stroke();
  ctx.setLineDash([]);
  const distance = rulerDistance(grid, points);
  const text = `${who ? `${who}: ` : ''}${rulerText(grid, distance)}`;
  badge(ctx, text, points.at(-2)! + 10 / scale, points.at(-1)! + 10 / scale, colour, scale);
  ctx.restore();
}

/** "15 · 3 cells": the length in the game's units (the scene says what one cell measures), and in cells. */
export function rulerText(grid: Grid, distance: number): string {
  const cells = Math.round(distance / grid.unitsPerCell);
  const units = Number.isInteger(distance) ? String(distance) : distance.toFixed(1);
  return `${units} · ${cells} ${cells === 1 ? 'cell' : 'cells'}`;
}

/** A small label with a background, drawn at a constant size on screen. */
export function badge(ctx: Ctx, text: string, x: number, y: number, fill: string, scale: number): void {
  const size = 12 / scale;
  ctx.font = `${size}px system-ui, sans-serif`;
  const w = ctx.measureText(text).width;
  ctx.fillStyle = fill;
  ctx.fillRect(x, y, w + 8 / scale, size + 6 / scale);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'top';
  ctx.fillText(text, x + 4 / scale, y + 3 / scale);
}

/** A ping: a ring that grows and fades over its life (0 to 1). */
export function paintPing(ctx: Ctx, x: number, y: number, life: number, colour: string, scale: number): void {
  ctx.save();
  ctx.globalAlpha = Math.max(0, 1 - life);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 4 / scale;
  for (const k of [0, 0.35]) {
    const t = life - k;
    if (t < 0) continue;
    ctx.beginPath();
    ctx.arc(x, y, (10 + 60 * t) / scale, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

/** Another member's cursor: an arrow and their name. */
export function paintCursor(ctx: Ctx, x: number, y: number, name: string, colour: string, scale: number): void {
  const s = 1 / scale;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 14 * s, y + 5 * s);
  ctx.lineTo(x + 5 * s, y + 14 * s);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
  badge(ctx, name, x + 12 * s, y + 12 * s, colour, scale);
}
