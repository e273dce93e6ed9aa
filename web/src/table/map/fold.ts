// Folding `map.changed` into a MapView: one function per change type, pure and immutable (a new
// scene, token or drawing object for whatever changed, the same object for what did not), so the
// components and the canvas see changes by reference. Every fold is safe to repeat: things are
// added by id only when absent, token edits merge by stamp (last writer wins), an optimistic fog op
// of ours is replaced by its event.
import {
  drawingOf,
  fogOpOf,
  mergeChanges,
  sceneViewOf,
  settingsOf,
  tokenChangeOf,
  tokenOf,
  hlcOf,
  type Drawing,
  type FogOp,
  type Hlc,
  type MapView,
  type SceneView,
  type Token,
  type TokenChange,
} from './map-view';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The view with one scene replaced by `f` of it (the same view when the scene is not there). */
export function mapScene(view: MapView, sceneId: string, f: (s: SceneView) => SceneView): MapView {
  const i = view.scenes.findIndex((s) => s.settings.id === sceneId);
  if (i < 0) return view;
  const next = f(view.scenes[i]!);
  if (next === view.scenes[i]) return view;
  const scenes = view.scenes.slice();
  scenes[i] = next;
  return { ...view, scenes };
}

export function mapToken(scene: SceneView, tokenId: string, f: (t: Token) => Token): SceneView {
  const i = scene.tokens.findIndex((t) => t.id === tokenId);
  if (i < 0) return scene;
  const next = f(scene.tokens[i]!);
  if (next === scene.tokens[i]) return scene;
  const tokens = scene.tokens.slice();
  tokens[i] = next;
  return { ...scene, tokens };
}

/** Adds (on top) or replaces tokens by id. */
export function putTokens(scene: SceneView, tokens: Token[]): SceneView {
  if (tokens.length === 0) return scene;
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const kept = scene.tokens.filter((t) => !byId.has(t.id));
  return { ...scene, tokens: [...kept, ...tokens] };
}

/** Adds (on top) drawings not there yet; replaces those that are, in place. */
export function putDrawings(scene: SceneView, drawings: Drawing[]): SceneView {
  if (drawings.length === 0) return scene;
  const byId = new Map(drawings.map((d) => [d.id, d]));
  const present = new Set(scene.drawings.map((d) => d.id));
  const replaced = scene.drawings.map((d) => byId.get(d.id) ?? d);
  return { ...scene, drawings: [...replaced, ...drawings.filter((d) => !present.has(d.id))] };
}

export function withoutTokens(scene: SceneView, ids: Iterable<string>): SceneView {
  const gone = new Set(ids);
  if (!scene.tokens.some((t) => gone.has(t.id))) return scene;
  return { ...scene, tokens: scene.tokens.filter((t) => !gone.has(t.id)) };
}

export function withoutDrawings(scene: SceneView, ids: Iterable<string>): SceneView {
  const gone = new Set(ids);
  if (!scene.drawings.some((d) => gone.has(d.id))) return scene;
  return { ...scene, drawings: scene.drawings.filter((d) => !gone.has(d.id)) };
}

const sameOp = (a: FogOp, b: FogOp): boolean => a.mode === b.mode && JSON.stringify(a.area) === JSON.stringify(b.area);

/** Appends a fog op; an optimistic op of ours that it confirms is taken out first. */
export function withFogOp(scene: SceneView, op: FogOp, fromMe: boolean): SceneView {
  const ops = scene.fog.ops.slice();
  if (fromMe) {
    const i = ops.findIndex((o) => o.local !== undefined && sameOp(o, op));
    if (i >= 0) ops.splice(i, 1);
  }
  ops.push(op);
  return { ...scene, fog: { ...scene.fog, ops } };
}

export function emptyScene(settingsRaw: unknown, fogged: boolean): SceneView {
  return { settings: settingsOf(settingsRaw), fog: { fogged, ops: [] }, tokens: [], drawings: [], canUndo: false, canRedo: false };
}

/** What a frame's change tells beyond the view: stamps to feed the clock. */
export interface FoldNotes {
  stamps: Hlc[];
}

/**
 * The view after one change of a `map.changed` frame. `me` is the viewer's user id; `by` the
 * frame's author (to recognise the events of our own optimistic fog ops).
 */
export function foldChange(view: MapView, raw: unknown, me: string, by: string, notes?: FoldNotes): MapView {
  const c = obj(raw);
  const sceneId = str(c.sceneId);
  switch (str(c.type)) {
    case 'scene_created': {
      const scene = emptyScene(c.settings, Boolean(c.fogged));
      if (view.scenes.some((s) => s.settings.id === scene.settings.id)) return view;
      return { ...view, scenes: [...view.scenes, scene] };
    }
    case 'scene_imported': {
      // GMs: a whole scene brought from another session of the campaign (not the active one).
      const scene = sceneViewOf(c.scene);
      if (view.scenes.some((s) => s.settings.id === scene.settings.id)) return view;
      for (const t of scene.tokens) notes?.stamps.push(t.stamps.position);
      return { ...view, scenes: [...view.scenes, scene] };
    }
    case 'scene_updated': {
      const settings = settingsOf(c.settings);
      return mapScene(view, settings.id, (s) => ({ ...s, settings }));
    }
    case 'scene_deleted': {
      const scenes = view.scenes.filter((s) => s.settings.id !== sceneId);
      const next: MapView = { ...view, scenes };
      if (view.activeSceneId === sceneId) delete next.activeSceneId;
      return next;
    }
    case 'scene_activated':
      return { ...view, activeSceneId: sceneId };
    case 'move_rule_set':
      return { ...view, movesOnTurnOnly: Boolean(c.onTurnOnly) };
    case 'token_created': {
      const token = tokenOf(c.token);
      notes?.stamps.push(token.stamps.layer);
      return mapScene(view, sceneId, (s) => (s.tokens.some((t) => t.id === token.id) ? s : putTokens(s, [token])));
    }
    case 'token_edited': {
      const stamp = hlcOf(c.stamp);
      notes?.stamps.push(stamp);
      const changes = arr(c.changes)
        .map(tokenChangeOf)
        .filter((x): x is TokenChange => x !== null);
      return mapScene(view, sceneId, (s) => mapToken(s, str(c.tokenId), (t) => mergeChanges(t, changes, stamp)));
    }
    case 'token_deleted':
      return mapScene(view, sceneId, (s) => withoutTokens(s, [str(c.tokenId)]));
    case 'drawing_added':
      return mapScene(view, sceneId, (s) => {
        const d = drawingOf(c.drawing);
        return s.drawings.some((x) => x.id === d.id) ? s : putDrawings(s, [d]);
      });
    case 'drawing_erased':
      return mapScene(view, sceneId, (s) => withoutDrawings(s, [str(c.drawingId)]));
    case 'drawing_undone':
    case 'drawing_redone':
    case 'canvas_cleared':
      return view; // markers: objects_shown / objects_hidden in the same frame carry the effect
    case 'fog_changed':
      return mapScene(view, sceneId, (s) => withFogOp(s, fogOpOf(c.op), by === me));
    case 'fog_reset':
      return mapScene(view, sceneId, (s) => ({ ...s, fog: { fogged: Boolean(c.fogged), ops: [] } }));
    case 'scene_shown': {
      // Players and spectators: the scene they are now on, replacing whatever they held.
      const scene = sceneViewOf(c.scene);
      for (const t of scene.tokens) notes?.stamps.push(t.stamps.position);
      return { ...view, activeSceneId: scene.settings.id, scenes: [scene] };
    }
    case 'objects_shown': {
      const tokens = arr(c.tokens).map(tokenOf);
      for (const t of tokens) notes?.stamps.push(t.stamps.position);
      return mapScene(view, sceneId, (s) => putDrawings(putTokens(s, tokens), arr(c.drawings).map(drawingOf)));
    }
    case 'objects_hidden':
      return mapScene(view, sceneId, (s) =>
        withoutDrawings(
          withoutTokens(
            s,
            arr(c.tokenIds).map((x) => str(x)),
          ),
          arr(c.drawingIds).map((x) => str(x)),
        ),
      );
    default:
      return view; // a change this client does not know yet
  }
}

/** The view after a whole `map.changed` payload, its changes in order. */
export function foldFrame(view: MapView, payload: unknown, me: string, notes?: FoldNotes): MapView {
  const p = obj(payload);
  const by = str(p.userId);
  let next = view;
  for (const change of arr(p.changes)) next = foldChange(next, change, me, by, notes);
  return next;
}
