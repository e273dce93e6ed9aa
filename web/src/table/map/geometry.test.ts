import { describe, expect, it } from 'vitest';
import type { Fog, Grid } from './map-view';
import {
  areaContains,
  brushOutline,
  cellsBetween,
  douglasPeucker,
  fogCovers,
  hexAt,
  hexCentre,
  rulerDistance,
  shapeBounds,
  simplifyStroke,
  snapPoint,
  snapToken,
  underFog,
} from './geometry';

const square: Grid = { kind: 'square', cellSize: 70, offsetX: 0, offsetY: 0, unitsPerCell: 5 };
const hex: Grid = { kind: 'hex', cellSize: 60, offsetX: 10, offsetY: 20, unitsPerCell: 5 };

describe('snapping', () => {
  it('puts a token corner on the nearest square grid crossing, offset included', () => {
    expect(snapToken(square, 100, 30, 70, 70)).toEqual({ x: 70, y: 0 });
    expect(snapToken(square, 106, 36, 70, 70)).toEqual({ x: 140, y: 70 });
    expect(snapToken({ ...square, offsetX: 10, offsetY: 5 }, 100, 30, 70, 70)).toEqual({ x: 80, y: 5 });
  });

  it('puts a token centre on the nearest hex centre', () => {
    const c = hexCentre(hex, 2, 1);
    const snapped = snapToken(hex, c.x - 30 + 7, c.y - 30 - 6, 60, 60);
    expect(snapped.x).toBeCloseTo(c.x - 30);
    expect(snapped.y).toBeCloseTo(c.y - 30);
  });

  it('finds the hex of a point and returns its centre', () => {
    for (const [q, r] of [
      [0, 0],
      [3, -1],
      [-2, 4],
    ] as const) {
      const c = hexCentre(hex, q, r);
      expect(hexAt(hex, c.x + 5, c.y - 5)).toEqual({ q, r });
    }
    expect(snapPoint(square, 100, 30)).toEqual({ x: 105, y: 35 });
  });
});

describe('ruler distance', () => {
  it('counts Chebyshev cells on squares, times units per cell', () => {
    // From cell (0,0) to cell (3,1): 3 cells, 15 ft.
    expect(rulerDistance(square, [35, 35, 3 * 70 + 35, 70 + 35])).toBe(15);
    expect(cellsBetween(square, { x: 1, y: 1 }, { x: 69, y: 69 })).toBe(0);
    // Two legs add up.
    expect(rulerDistance(square, [35, 35, 175, 35, 175, 315])).toBe(10 + 20);
  });

  it('counts hex steps on hexes', () => {
    const a = hexCentre(hex, 0, 0);
    const b = hexCentre(hex, 3, -1);
    const c = hexCentre(hex, -2, 4);
    expect(cellsBetween(hex, a, b)).toBe(3);
    expect(cellsBetween(hex, a, c)).toBe(4);
    expect(rulerDistance({ ...hex, unitsPerCell: 10 }, [a.x, a.y, b.x, b.y])).toBe(30);
  });

  it('is zero for fewer than two points', () => {
    expect(rulerDistance(square, [])).toBe(0);
    expect(rulerDistance(square, [5, 5])).toBe(0);
  });
});

describe('fog', () => {
  const rect = (x: number, y: number, width: number, height: number) => ({ kind: 'rect' as const, x, y, width, height });

  it('follows the start when no op holds the point', () => {
    expect(fogCovers({ fogged: true, ops: [] }, 5, 5)).toBe(true);
    expect(fogCovers({ fogged: false, ops: [] }, 5, 5)).toBe(false);
  });

  it('lets the last op holding a point decide', () => {
    const fog: Fog = {
      fogged: true,
      ops: [
        { mode: 'reveal', area: rect(0, 0, 100, 100) },
        { mode: 'hide', area: rect(50, 50, 100, 100) },
      ],
    };
    expect(fogCovers(fog, 10, 10)).toBe(false);
    expect(fogCovers(fog, 60, 60)).toBe(true);
    expect(fogCovers(fog, 100, 100)).toBe(true); // edges belong to the rectangle
    expect(fogCovers(fog, 200, 10)).toBe(true);
    fog.ops.push({ mode: 'reveal', area: { kind: 'polygon', points: [55, 55, 95, 55, 75, 95] } });
    expect(fogCovers(fog, 75, 65)).toBe(false);
    expect(fogCovers(fog, 56, 90)).toBe(true);
  });

  it('covers an object by the centre of its box', () => {
    const fog: Fog = { fogged: true, ops: [{ mode: 'reveal', area: rect(0, 0, 100, 100) }] };
    expect(underFog(fog, { minX: 60, minY: 60, maxX: 130, maxY: 130 })).toBe(false); // centre 95,95
    expect(underFog(fog, { minX: 80, minY: 80, maxX: 150, maxY: 150 })).toBe(true); // centre 115,115
    const text = shapeBounds({ kind: 'text', x: 90, y: 90, text: 'a long text', size: 30 });
    expect(underFog(fog, text)).toBe(true); // core's text box is size square: centre 105,105
  });

  it('tests polygons even-odd, as core does', () => {
    // A bow tie: two triangles meeting at 50,50; the gaps above and below are outside.
    const bowTie = { kind: 'polygon' as const, points: [0, 0, 100, 100, 100, 0, 0, 100] };
    expect(areaContains(bowTie, 20, 50)).toBe(true);
    expect(areaContains(bowTie, 80, 50)).toBe(true);
    expect(areaContains(bowTie, 50, 20)).toBe(false);
  });
});

describe('strokes', () => {
  it('drops the points a straight line does not need', () => {
    expect(douglasPeucker([0, 0, 1, 0.1, 2, 0, 3, 0, 4, 0], 0.5)).toEqual([0, 0, 4, 0]);
    expect(douglasPeucker([0, 0, 5, 5, 10, 0], 1)).toEqual([0, 0, 5, 5, 10, 0]);
  });

  it('keeps at most 1000 points, the ends kept, whatever the stroke', () => {
    const points: number[] = [];
    for (let i = 0; i < 6_000; i++) points.push(i, Math.sin(i / 3) * 50 + (i % 7));
    const out = simplifyStroke(points);
    expect(out.length / 2).toBeLessThanOrEqual(1000);
    expect(out.length / 2).toBeGreaterThan(500); // no coarser than it must be
    expect(out.slice(0, 2)).toEqual([0, points[1]]);
    expect(out.slice(-2)).toEqual(points.slice(-2));
  });

  it('drops repeated points and non-numbers', () => {
    expect(simplifyStroke([1, 1, 1, 1, NaN, 2, 5, 5])).toEqual([1, 1, 5, 5]);
  });

  it('outlines a brush stroke as a polygon covering the path and its width', () => {
    const outline = brushOutline([0, 0, 100, 0, 200, 50], 10);
    expect(outline.length / 2).toBeGreaterThanOrEqual(3);
    expect(outline.length / 2).toBeLessThanOrEqual(1000);
    const area = { kind: 'polygon' as const, points: outline };
    expect(areaContains(area, 50, 0)).toBe(true);
    expect(areaContains(area, 50, 8)).toBe(true);
    expect(areaContains(area, 50, -8)).toBe(true);
    expect(areaContains(area, 50, 14)).toBe(false);
    expect(areaContains(area, -6, 0)).toBe(true); // the round start cap
    expect(areaContains(area, 150, 25)).toBe(true);
    expect(areaContains(area, 205, 52)).toBe(true); // the end cap
  });

  it('outlines a dab (one point) as a circle, and a long scribble within 1000 points', () => {
    const dab = brushOutline([10, 10], 5);
    expect(areaContains({ kind: 'polygon', points: dab }, 10, 10)).toBe(true);
    const scribble: number[] = [];
    for (let i = 0; i < 5000; i++) scribble.push(i * 3, Math.cos(i) * 40);
    expect(brushOutline(scribble, 20).length / 2).toBeLessThanOrEqual(1000);
  });
});
