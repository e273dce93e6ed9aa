// Map JSON as the server sends it (the issue-9 wire contract), for the map's tests. Not imported by the app.
import type { Hlc, TokenProperty } from './map-view';
import { TOKEN_PROPERTIES } from './map-view';

export const stamp = (wallMillis: number, counter = 0, node = 'g1'): Hlc => ({ wallMillis, counter, node });

export function tokenJson(id: string, extra: Record<string, unknown> = {}, at: Hlc = stamp(1)): Record<string, unknown> {
  const stamps = {} as Record<TokenProperty, Hlc>;
  for (const p of TOKEN_PROPERTIES) stamps[p] = at;
  return {
    id,
    layer: 'tokens',
    x: 0,
    y: 0,
    width: 70,
    height: 70,
    rotation: 0,
    name: id,
    owners: [],
    hidden: false,
    locked: false,
    stamps,
    ...extra,
  };
}

export function drawingJson(id: string, authorId = 'u1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    layer: 'drawings',
    shape: { kind: 'line', x1: 0, y1: 0, x2: 10, y2: 10 },
    pen: { colour: '#ff0000', stroke: 3 },
    authorId,
    ...extra,
  };
}

export function sceneJson(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    settings: { id, name: `Scene ${id}`, grid: { kind: 'square', cellSize: 70, offsetX: 0, offsetY: 0, unitsPerCell: 5 } },
    fog: { fogged: false, ops: [] },
    tokens: [],
    drawings: [],
    canUndo: false,
    canRedo: false,
    ...extra,
  };
}

export function mapJson(scenes: Record<string, unknown>[], activeSceneId = 's1', extra: Record<string, unknown> = {}) {
  return { activeSceneId, movesOnTurnOnly: false, scenes, ...extra };
}

/** A `map.changed` event frame. */
export function changed(seq: number, userId: string, ...changes: Record<string, unknown>[]) {
  return { id: `ev:${seq}`, type: 'map.changed', seq, payload: { userId, changes } };
}
