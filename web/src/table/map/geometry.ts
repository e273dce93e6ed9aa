// The map's geometry, pure: grids (square, and pointy-top hexes whose centres are `cellSize`
// apart), snapping, ruler distances, the fog rule (as core's `Fog.covers`), shapes' bounds,
// Douglas-Peucker simplification of freehand strokes and the outline of a fog brush stroke.
import type { Drawing, Fog, FogArea, Grid, Shape, Token } from './map-view';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The most points a freehand stroke or polygon may hold (2,000 numbers). */
export const MAX_POINTS = 1000;

const SQRT3 = Math.sqrt(3);

// ------------------------------------------------------------------ grids

/** The height of a hex row: centres are `cellSize` apart along a row, rows `cellSize·√3/2` apart. */
export const hexRowHeight = (grid: Grid): number => (grid.cellSize * SQRT3) / 2;

/** Axial hex coordinates (q, r) of the hex holding a point: cube rounding. */
export function hexAt(grid: Grid, x: number, y: number): { q: number; r: number } {
  const rf = (y - grid.offsetY) / hexRowHeight(grid);
  const qf = (x - grid.offsetX) / grid.cellSize - rf / 2;
  const sf = -qf - rf;
  let q = Math.round(qf);
  let r = Math.round(rf);
  const s = Math.round(sf);
  const dq = Math.abs(q - qf);
  const dr = Math.abs(r - rf);
  const ds = Math.abs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return { q: q + 0, r: r + 0 };
}

export function hexCentre(grid: Grid, q: number, r: number): Point {
  return { x: grid.offsetX + grid.cellSize * (q + r / 2), y: grid.offsetY + hexRowHeight(grid) * r };
}

/** The six corners of a pointy-top hex around a centre, as a flat list. */
export function hexCorners(grid: Grid, centre: Point): number[] {
  const radius = grid.cellSize / SQRT3;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 180) * (60 * i - 30);
    out.push(centre.x + radius * Math.cos(a), centre.y + radius * Math.sin(a));
  }
  return out;
}

/** The square cell holding a point. */
export function squareAt(grid: Grid, x: number, y: number): { col: number; row: number } {
  return { col: Math.floor((x - grid.offsetX) / grid.cellSize), row: Math.floor((y - grid.offsetY) / grid.cellSize) };
}

/**
 * Where a token of this size lands when dropped with its top-left corner at (x, y): on a square
 * grid its corner goes to the nearest grid line crossing; on a hex grid its centre goes to the
 * nearest hex centre.
 */
export function snapToken(grid: Grid, x: number, y: number, width: number, height: number): Point {
  if (grid.kind === 'hex') {
    const { q, r } = hexAt(grid, x + width / 2, y + height / 2);
    const c = hexCentre(grid, q, r);
    return { x: c.x - width / 2, y: c.y - height / 2 };
  }
  const s = grid.cellSize;
  return {
    x: grid.offsetX + Math.round((x - grid.offsetX) / s) * s,
    y: grid.offsetY + Math.round((y - grid.offsetY) / s) * s,
  };
}

/** A point snapped to the nearest cell centre (rulers, pings). */
export function snapPoint(grid: Grid, x: number, y: number): Point {
  if (grid.kind === 'hex') {
    const { q, r } = hexAt(grid, x, y);
    return hexCentre(grid, q, r);
  }
  const { col, row } = squareAt(grid, x, y);
  return { x: grid.offsetX + (col + 0.5) * grid.cellSize, y: grid.offsetY + (row + 0.5) * grid.cellSize };
}

/** Cells between the cells holding two points: Chebyshev on squares (as 5e counts), hex distance on hexes. */
export function cellsBetween(grid: Grid, a: Point, b: Point): number {
  if (grid.kind === 'hex') {
    const h1 = hexAt(grid, a.x, a.y);
    const h2 = hexAt(grid, b.x, b.y);
    const dq = h1.q - h2.q;
    const dr = h1.r - h2.r;
    return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
  }
  const c1 = squareAt(grid, a.x, a.y);
  const c2 = squareAt(grid, b.x, b.y);
  return Math.max(Math.abs(c1.col - c2.col), Math.abs(c1.row - c2.row));
}

/** A ruler's length in game units: the cells of each leg, summed, times unitsPerCell. */
export function rulerDistance(grid: Grid, points: number[]): number {
  let cells = 0;
  for (let i = 2; i + 1 < points.length; i += 2) {
    cells += cellsBetween(grid, { x: points[i - 2]!, y: points[i - 1]! }, { x: points[i]!, y: points[i + 1]! });
  }
  return cells * grid.unitsPerCell;
}

// ------------------------------------------------------------------ fog

export function areaContains(area: FogArea, x: number, y: number): boolean {
  if (area.kind === 'rect') return x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height;
  const b = boundsOf(area.points);
  if (x < b.minX || x > b.maxX || y < b.minY || y > b.maxY) return false;
  // Even-odd, as core: a brush outline that crosses itself still covers what it encloses once.
  const p = area.points;
  const n = p.length / 2;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = p[2 * i]!;
    const yi = p[2 * i + 1]!;
    const xj = p[2 * j]!;
    const yj = p[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True if fog covers this point: the last op whose area holds it decides, else the start. */
export function fogCovers(fog: Fog, x: number, y: number): boolean {
  for (let i = fog.ops.length - 1; i >= 0; i--) {
    const op = fog.ops[i]!;
    if (areaContains(op.area, x, y)) return op.mode === 'hide';
  }
  return fog.fogged;
}

/** An object is under fog when the centre of its bounding box is. */
export function underFog(fog: Fog, box: Box): boolean {
  return fogCovers(fog, (box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2);
}

// ------------------------------------------------------------------ bounds

export function boundsOf(points: number[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  return { minX, minY, maxX, maxY };
}

/** As core's `Shape.bounds()` (a text's box is `size` square: the centre rule needs only a point). */
export function shapeBounds(shape: Shape): Box {
  switch (shape.kind) {
    case 'freehand':
    case 'polygon':
      return boundsOf(shape.points);
    case 'line':
      return boundsOf([shape.x1, shape.y1, shape.x2, shape.y2]);
    case 'rect':
      return { minX: shape.x, minY: shape.y, maxX: shape.x + shape.width, maxY: shape.y + shape.height };
    case 'ellipse':
      return {
        minX: shape.centreX - shape.radiusX,
        minY: shape.centreY - shape.radiusY,
        maxX: shape.centreX + shape.radiusX,
        maxY: shape.centreY + shape.radiusY,
      };
    case 'text':
      return { minX: shape.x, minY: shape.y, maxX: shape.x + shape.size, maxY: shape.y + shape.size };
  }
}

export const tokenBox = (t: Pick<Token, 'x' | 'y' | 'width' | 'height'>): Box => ({
  minX: t.x,
  minY: t.y,
  maxX: t.x + t.width,
  maxY: t.y + t.height,
});

export const drawingBox = (d: Drawing): Box => shapeBounds(d.shape);

// ------------------------------------------------------------------ strokes

/** Distance from p to the segment a-b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas-Peucker with this tolerance (iterative: a long stroke must not blow the stack). */
export function douglasPeucker(points: number[], tolerance: number): number[] {
  const n = points.length / 2;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstAt = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(
        points[2 * i]!,
        points[2 * i + 1]!,
        points[2 * first]!,
        points[2 * first + 1]!,
        points[2 * last]!,
        points[2 * last + 1]!,
      );
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worstAt >= 0 && worst > tolerance) {
      keep[worstAt] = 1;
      stack.push([first, worstAt], [worstAt, last]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[2 * i]!, points[2 * i + 1]!);
  return out;
}

/**
 * A freehand stroke as sent: consecutive duplicates dropped, simplified with `tolerance` (map
 * units), and the tolerance doubled until at most `max` points are left (the server's limit).
 */
export function simplifyStroke(points: number[], tolerance = 1, max = MAX_POINTS): number[] {
  const clean: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (clean.length >= 2 && clean[clean.length - 2] === x && clean[clean.length - 1] === y) continue;
    clean.push(x, y);
  }
  let out = douglasPeucker(clean, tolerance);
  if (out.length / 2 <= max) return out;
  // Double the tolerance until it fits, then search between the last two for the finest that does.
  let lo = Math.max(tolerance, 0.5);
  let hi = lo * 2;
  while ((out = douglasPeucker(clean, hi)).length / 2 > max) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    const tried = douglasPeucker(clean, mid);
    if (tried.length / 2 <= max) {
      hi = mid;
      out = tried;
    } else {
      lo = mid;
    }
  }
  return out;
}

/**
 * The outline of a brush stroke of this radius, as one polygon: the stroke's left side, a round
 * cap, its right side back, the other cap. A lone point is a circle. At most `max` points.
 */
export function brushOutline(points: number[], radius: number, max = MAX_POINTS): number[] {
  const CAP = 8; // segments per half circle
  // Leave room for the caps: each kept point gives two outline points.
  const path = simplifyStroke(points, Math.max(radius / 4, 0.5), Math.floor((max - 2 * (CAP + 1)) / 2));
  const n = path.length / 2;
  if (n === 0) return [];
  if (n === 1) {
    const out: number[] = [];
    for (let i = 0; i < 2 * CAP; i++) {
      const a = (Math.PI * i) / CAP;
      out.push(path[0]! + radius * Math.cos(a), path[1]! + radius * Math.sin(a));
    }
    return out;
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < n; i++) {
    // The normal of the direction through this point (the mean of its two segments' directions).
    const px = path[2 * Math.max(i - 1, 0)]!;
    const py = path[2 * Math.max(i - 1, 0) + 1]!;
    const nx = path[2 * Math.min(i + 1, n - 1)]!;
    const ny = path[2 * Math.min(i + 1, n - 1) + 1]!;
    let dx = nx - px;
    let dy = ny - py;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const x = path[2 * i]!;
    const y = path[2 * i + 1]!;
    left.push(x - dy * radius, y + dx * radius);
    right.push(x + dy * radius, y - dx * radius);
  }
  const cap = (cx: number, cy: number, fromAngle: number): number[] => {
    const out: number[] = [];
    for (let k = 1; k < CAP; k++) {
      const a = fromAngle - (Math.PI * k) / CAP; // round the end, away from the stroke
      out.push(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
    }
    return out;
  };
  const angle = (ax: number, ay: number, bx: number, by: number) => Math.atan2(by - ay, bx - ax);
  const endAngle = angle(path[2 * n - 4]!, path[2 * n - 3]!, path[2 * n - 2]!, path[2 * n - 1]!);
  const startAngle = angle(path[0]!, path[1]!, path[2]!, path[3]!);
  const out = [...left];
  out.push(...cap(path[2 * n - 2]!, path[2 * n - 1]!, endAngle + Math.PI / 2));
  for (let i = n - 1; i >= 0; i--) out.push(right[2 * i]!, right[2 * i + 1]!);
  out.push(...cap(path[0]!, path[1]!, startAngle - Math.PI / 2));
  return out;
}

/** Two corners as a rectangle with a positive size (or null when it has none). */
export function rectBetween(a: Point, b: Point): { x: number; y: number; width: number; height: number } | null {
  const width = Math.abs(b.x - a.x);
  const height = Math.abs(b.y - a.y);
  if (width <= 0 || height <= 0) return null;
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width, height };
}
