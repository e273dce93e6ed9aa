// The shared map as the server shows it to one member (the issue-9 wire contract: core's `MapView`
// as JSON, enums lower-case, empty optionals left out), read defensively into these types. Pure:
// the model folds changes into them, the canvas draws them.

export type GridKind = 'square' | 'hex';
export type Layer = 'map' | 'tokens' | 'drawings' | 'gm';
export type FogMode = 'reveal' | 'hide';

export interface Grid {
  kind: GridKind;
  /** A cell's width (for hexes, the distance between centres), in map units (the background's pixels). */
  cellSize: number;
  offsetX: number;
  offsetY: number;
  /** What one cell measures in the game (5 for "5 ft"). */
  unitsPerCell: number;
}

export const DEFAULT_GRID: Grid = { kind: 'square', cellSize: 70, offsetX: 0, offsetY: 0, unitsPerCell: 5 };

export interface ImageRef {
  hash: string;
  width: number;
  height: number;
}

export interface SceneSettings {
  id: string;
  name: string;
  grid: Grid;
  background?: ImageRef;
}

/** A hybrid logical clock stamp: ordered by wallMillis, then counter, then node (as strings). */
export interface Hlc {
  wallMillis: number;
  counter: number;
  node: string;
}

export const HLC_ZERO: Hlc = { wallMillis: 0, counter: 0, node: '' };

export interface Pen {
  colour: string;
  stroke: number;
}

export type Shape =
  | { kind: 'freehand'; points: number[] }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number }
  | { kind: 'ellipse'; centreX: number; centreY: number; radiusX: number; radiusY: number }
  | { kind: 'polygon'; points: number[] }
  | { kind: 'text'; x: number; y: number; text: string; size: number };

export interface Drawing {
  id: string;
  layer: Layer;
  shape: Shape;
  pen: Pen;
  authorId: string;
}

export type FogArea = { kind: 'rect'; x: number; y: number; width: number; height: number } | { kind: 'polygon'; points: number[] };

export interface FogOp {
  mode: FogMode;
  area: FogArea;
  /** Ours, not yet seen back as an event: the command's id (never sent). */
  local?: string;
}

export interface Fog {
  fogged: boolean;
  ops: FogOp[];
}

export type TokenProperty = 'layer' | 'position' | 'size' | 'rotation' | 'name' | 'image' | 'owners' | 'combatant' | 'hidden' | 'locked';

export const TOKEN_PROPERTIES: readonly TokenProperty[] = [
  'layer',
  'position',
  'size',
  'rotation',
  'name',
  'image',
  'owners',
  'combatant',
  'hidden',
  'locked',
];

export type TokenChange =
  | { kind: 'on_layer'; layer: Layer }
  | { kind: 'position'; x: number; y: number }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'rotation'; degrees: number }
  | { kind: 'name'; name: string }
  | { kind: 'image'; image?: ImageRef }
  | { kind: 'owners'; userIds: string[] }
  | { kind: 'combatant'; combatantId?: string }
  | { kind: 'hidden'; hidden: boolean }
  | { kind: 'locked'; locked: boolean };

export interface Token {
  id: string;
  layer: Layer;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  name: string;
  image?: ImageRef;
  owners: string[];
  combatantId?: string;
  hidden: boolean;
  locked: boolean;
  stamps: Record<TokenProperty, Hlc>;
}

export interface SceneView {
  settings: SceneSettings;
  fog: Fog;
  /** Bottom to top. */
  tokens: Token[];
  /** Bottom to top. */
  drawings: Drawing[];
  canUndo: boolean;
  canRedo: boolean;
}

export interface MapView {
  activeSceneId?: string;
  movesOnTurnOnly: boolean;
  scenes: SceneView[];
}

export const EMPTY_MAP: MapView = { movesOnTurnOnly: false, scenes: [] };

// ------------------------------------------------------------------ stamps and changes

/** -1, 0 or 1: wallMillis, then counter, then node compared as strings. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMillis !== b.wallMillis) return a.wallMillis < b.wallMillis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node === b.node ? 0 : a.node < b.node ? -1 : 1;
}

/** The token property a change writes. */
export function propertyOf(change: TokenChange): TokenProperty {
  switch (change.kind) {
    case 'on_layer':
      return 'layer';
    case 'combatant':
      return 'combatant';
    default:
      return change.kind;
  }
}

/** A token's current value of one property, as the change that would set it. */
export function changeOf(token: Token, property: TokenProperty): TokenChange {
  switch (property) {
    case 'layer':
      return { kind: 'on_layer', layer: token.layer };
    case 'position':
      return { kind: 'position', x: token.x, y: token.y };
    case 'size':
      return { kind: 'size', width: token.width, height: token.height };
    case 'rotation':
      return { kind: 'rotation', degrees: token.rotation };
    case 'name':
      return { kind: 'name', name: token.name };
    case 'image':
      return token.image ? { kind: 'image', image: token.image } : { kind: 'image' };
    case 'owners':
      return { kind: 'owners', userIds: token.owners };
    case 'combatant':
      return token.combatantId ? { kind: 'combatant', combatantId: token.combatantId } : { kind: 'combatant' };
    case 'hidden':
      return { kind: 'hidden', hidden: token.hidden };
    case 'locked':
      return { kind: 'locked', locked: token.locked };
  }
}

/** A token with one change written (no stamp check: the caller merges). Never changes its argument. */
export function withChange(token: Token, change: TokenChange): Token {
  switch (change.kind) {
    case 'on_layer':
      return { ...token, layer: change.layer };
    case 'position':
      return { ...token, x: change.x, y: change.y };
    case 'size':
      return { ...token, width: change.width, height: change.height };
    case 'rotation':
      return { ...token, rotation: normalDegrees(change.degrees) };
    case 'name':
      return { ...token, name: change.name };
    case 'image': {
      const { image: _, ...rest } = token;
      return change.image ? { ...rest, image: change.image } : rest;
    }
    case 'owners':
      return { ...token, owners: [...new Set(change.userIds)].sort() };
    case 'combatant': {
      const { combatantId: _, ...rest } = token;
      return change.combatantId ? { ...rest, combatantId: change.combatantId } : rest;
    }
    case 'hidden':
      return { ...token, hidden: change.hidden };
    case 'locked':
      return { ...token, locked: change.locked };
  }
}

/** Degrees kept within 0-360, as core keeps them. */
export const normalDegrees = (d: number): number => ((d % 360) + 360) % 360;

/** A token with one property set to a value and stamp, whatever its stamp was (a rollback). */
export function withRegister(token: Token, change: TokenChange, stamp: Hlc): Token {
  const next = withChange(token, change);
  return { ...next, stamps: { ...next.stamps, [propertyOf(change)]: stamp } };
}

/**
 * A token after an edit stamped `stamp`: each change wins its property only if `stamp` is later
 * than the property's, so edits applied in any order end the same (last writer wins). The same
 * token back when nothing won.
 */
export function mergeChanges(token: Token, changes: TokenChange[], stamp: Hlc): Token {
  let next = token;
  for (const c of changes) {
    if (compareHlc(stamp, next.stamps[propertyOf(c)]) > 0) next = withRegister(next, c, stamp);
  }
  return next;
}

/** A new token as core makes it: the given values over the defaults (tokens layer, 0,0, one cell). */
export function newToken(id: string, initial: TokenChange[], grid: Grid, stamp: Hlc): Token {
  const stamps = {} as Record<TokenProperty, Hlc>;
  for (const p of TOKEN_PROPERTIES) stamps[p] = stamp;
  let token: Token = {
    id,
    layer: 'tokens',
    x: 0,
    y: 0,
    width: grid.cellSize,
    height: grid.cellSize,
    rotation: 0,
    name: '',
    owners: [],
    hidden: false,
    locked: false,
    stamps,
  };
  for (const c of initial) token = withChange(token, c);
  return token;
}

// ------------------------------------------------------------------ reading the JSON

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const nums = (v: unknown): number[] => arr(v).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
const low = (v: unknown): string => String(v ?? '').toLowerCase();

function layerOf(v: unknown, fallback: Layer): Layer {
  const l = low(v);
  return l === 'map' || l === 'tokens' || l === 'drawings' || l === 'gm' ? l : fallback;
}

export function gridOf(raw: unknown): Grid {
  const g = obj(raw);
  return {
    kind: low(g.kind) === 'hex' ? 'hex' : 'square',
    cellSize: num(g.cellSize, DEFAULT_GRID.cellSize) || DEFAULT_GRID.cellSize,
    offsetX: num(g.offsetX),
    offsetY: num(g.offsetY),
    unitsPerCell: num(g.unitsPerCell, DEFAULT_GRID.unitsPerCell) || DEFAULT_GRID.unitsPerCell,
  };
}

export function imageOf(raw: unknown): ImageRef | undefined {
  if (raw == null) return undefined;
  const i = obj(raw);
  const hash = str(i.hash);
  return hash ? { hash, width: num(i.width, 1), height: num(i.height, 1) } : undefined;
}

export function settingsOf(raw: unknown): SceneSettings {
  const s = obj(raw);
  const settings: SceneSettings = { id: str(s.id) ?? '', name: str(s.name) ?? '', grid: gridOf(s.grid) };
  const background = imageOf(s.background);
  if (background) settings.background = background;
  return settings;
}

export function hlcOf(raw: unknown): Hlc {
  const h = obj(raw);
  return { wallMillis: num(h.wallMillis), counter: num(h.counter), node: str(h.node) ?? '' };
}

export function shapeOf(raw: unknown): Shape {
  const s = obj(raw);
  switch (low(s.kind)) {
    case 'freehand':
      return { kind: 'freehand', points: nums(s.points) };
    case 'line':
      return { kind: 'line', x1: num(s.x1), y1: num(s.y1), x2: num(s.x2), y2: num(s.y2) };
    case 'ellipse':
      return { kind: 'ellipse', centreX: num(s.centreX), centreY: num(s.centreY), radiusX: num(s.radiusX), radiusY: num(s.radiusY) };
    case 'polygon':
      return { kind: 'polygon', points: nums(s.points) };
    case 'text':
      return { kind: 'text', x: num(s.x), y: num(s.y), text: str(s.text) ?? '', size: num(s.size, 16) };
    default:
      return { kind: 'rect', x: num(s.x), y: num(s.y), width: num(s.width), height: num(s.height) };
  }
}

export function drawingOf(raw: unknown): Drawing {
  const d = obj(raw);
  const pen = obj(d.pen);
  return {
    id: str(d.id) ?? '',
    layer: layerOf(d.layer, 'drawings'),
    shape: shapeOf(d.shape),
    pen: { colour: str(pen.colour) ?? '#000000', stroke: num(pen.stroke, 2) },
    authorId: str(d.authorId) ?? '',
  };
}

export function fogAreaOf(raw: unknown): FogArea {
  const a = obj(raw);
  return low(a.kind) === 'polygon'
    ? { kind: 'polygon', points: nums(a.points) }
    : { kind: 'rect', x: num(a.x), y: num(a.y), width: num(a.width), height: num(a.height) };
}

export function fogOpOf(raw: unknown): FogOp {
  const o = obj(raw);
  return { mode: low(o.mode) === 'hide' ? 'hide' : 'reveal', area: fogAreaOf(o.area) };
}

export function fogOf(raw: unknown): Fog {
  const f = obj(raw);
  return { fogged: Boolean(f.fogged), ops: arr(f.ops).map(fogOpOf) };
}

export function tokenChangeOf(raw: unknown): TokenChange | null {
  const c = obj(raw);
  switch (low(c.kind)) {
    case 'on_layer':
      return { kind: 'on_layer', layer: layerOf(c.layer, 'tokens') };
    case 'position':
      return { kind: 'position', x: num(c.x), y: num(c.y) };
    case 'size':
      return { kind: 'size', width: num(c.width, 1), height: num(c.height, 1) };
    case 'rotation':
      return { kind: 'rotation', degrees: num(c.degrees) };
    case 'name':
      return { kind: 'name', name: str(c.name) ?? '' };
    case 'image': {
      const image = imageOf(c.image);
      return image ? { kind: 'image', image } : { kind: 'image' };
    }
    case 'owners':
      return { kind: 'owners', userIds: arr(c.userIds).filter((u): u is string => typeof u === 'string') };
    case 'combatant': {
      const id = str(c.combatantId);
      return id ? { kind: 'combatant', combatantId: id } : { kind: 'combatant' };
    }
    case 'hidden':
      return { kind: 'hidden', hidden: Boolean(c.hidden) };
    case 'locked':
      return { kind: 'locked', locked: Boolean(c.locked) };
    default:
      return null;
  }
}

export function tokenOf(raw: unknown): Token {
  const t = obj(raw);
  const s = obj(t.stamps);
  const stamps = {} as Record<TokenProperty, Hlc>;
  for (const p of TOKEN_PROPERTIES) stamps[p] = hlcOf(s[p]);
  const token: Token = {
    id: str(t.id) ?? '',
    layer: layerOf(t.layer, 'tokens'),
    x: num(t.x),
    y: num(t.y),
    width: num(t.width, 1) || 1,
    height: num(t.height, 1) || 1,
    rotation: num(t.rotation),
    name: str(t.name) ?? '',
    owners: arr(t.owners).filter((u): u is string => typeof u === 'string'),
    hidden: Boolean(t.hidden),
    locked: Boolean(t.locked),
    stamps,
  };
  const image = imageOf(t.image);
  if (image) token.image = image;
  const combatantId = str(t.combatantId);
  if (combatantId) token.combatantId = combatantId;
  return token;
}

export function sceneViewOf(raw: unknown): SceneView {
  const s = obj(raw);
  return {
    settings: settingsOf(s.settings),
    fog: fogOf(s.fog),
    tokens: arr(s.tokens).map(tokenOf),
    drawings: arr(s.drawings).map(drawingOf),
    canUndo: Boolean(s.canUndo),
    canRedo: Boolean(s.canRedo),
  };
}

/** A MapView from a welcome's `view.map` or a `map.view` answer's `map`; an empty map for none. */
export function mapViewOf(raw: unknown): MapView {
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_MAP, scenes: [] };
  const m = raw as Json;
  const view: MapView = { movesOnTurnOnly: Boolean(m.movesOnTurnOnly), scenes: arr(m.scenes).map(sceneViewOf) };
  const active = str(m.activeSceneId);
  if (active) view.activeSceneId = active;
  return view;
}

/** The wire form of a change or shape, without our local fields. */
export function withoutLocal(op: FogOp): Omit<FogOp, 'local'> {
  return { mode: op.mode, area: op.area };
}
