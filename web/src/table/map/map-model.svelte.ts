// The shared map for one viewer (the issue-9 wire contract): the MapView from the welcome's
// `view.map` (or the `map.view` request), each `map.changed` frame folded in order, and one method
// per `map.*` command. Edits are optimistic: applied at once, forgotten on the ack (the event
// confirms them), rolled back on a refusal, whose message shows in `alert`. Token edits carry our
// hybrid logical clock's stamp, so the event that confirms one changes nothing, and everybody's
// edits merge by stamp in whatever order they arrive.
import { humanMessage, isHearthError, type HearthError } from '../../lib/errors';
import type { Ack, Envelope, PresenceUser, Role, WelcomePayload } from '../../lib/realtime/envelope';
import type { CurrentUser } from '../../lib/tokens';
import type { TableClient } from '../table-model.svelte';
import type { EncounterView } from '../combat/encounter';
import {
  changeOf,
  compareHlc,
  EMPTY_MAP,
  mapViewOf,
  mergeChanges,
  newToken,
  normalDegrees,
  propertyOf,
  withRegister,
  type Drawing,
  type FogArea,
  type FogMode,
  type Grid,
  type Hlc,
  type ImageRef,
  type Layer,
  type MapView,
  type Pen,
  type SceneSettings,
  type SceneView,
  type Shape,
  type Token,
  type TokenChange,
} from './map-view';
import { emptyScene, foldFrame, mapScene, mapToken, putDrawings, putTokens, withoutDrawings, withoutTokens, type FoldNotes } from './fold';
import { HlcClock } from './hlc';
import { fogCovers } from './geometry';
import { LiveMap } from './live-map.svelte';

export type MapClient = Pick<TableClient, 'submit' | 'request' | 'on' | 'off' | 'ephemeral'>;

export interface NewScene {
  name: string;
  grid: Grid;
  background?: ImageRef;
  fogged: boolean;
}

/** A fresh id for something we create: 1-64 of [A-Za-z0-9_-]. */
export function newId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}${random}`;
}

/** A refusal in words: the server's own sentence where it explains a map rule, else the usual one. */
export function mapMessage(error: HearthError): string {
  if (['E006', 'E011', 'E012'].includes(error.code) && error.message.trim()) return error.message;
  return humanMessage(error);
}

/** A token edit of ours waiting for its answer: its stamp, and what to put back if it is refused. */
interface PendingEdit {
  stamp: Hlc;
  before: { change: TokenChange; stamp: Hlc };
}

/** Unknown depth of a history the view only says is not empty. */
const SOME = Number.POSITIVE_INFINITY;

export class MapModel {
  view = $state.raw<MapView>(EMPTY_MAP);
  role = $state<Role | null>(null);
  /** The scene on screen: for a GM any (the active one unless they pick another); for others the active one. */
  chosenSceneId = $state<string | null>(null);
  alert = $state('');
  /** Our undo and redo depth per scene (SOME: the view said "some"). */
  private history = $state<Record<string, { undo: number; redo: number }>>({});

  /** Cursors, previews, rulers and pings: the ephemerals on the same client. */
  readonly live: LiveMap;
  private readonly clock: HlcClock;
  /** Rollbacks of optimistic edits by command id, until the ack. */
  private readonly rollbacks = new Map<string, () => void>();
  /** Our token edits not yet answered, per scene, token and property, oldest first. */
  private readonly pendingEdits = new Map<string, PendingEdit[]>();
  /** Events below this seq are in the view already (it came with this position). */
  private viewSeq = 0;
  /** While a `map.view` request is out: frames to fold after its answer. */
  private buffered: Envelope[] | null = null;

  constructor(
    private readonly client: MapClient,
    readonly me: CurrentUser,
    private readonly encounter: () => EncounterView | null = () => null,
    now: () => number = Date.now,
  ) {
    this.clock = new HlcClock(me.userId, now);
    this.live = new LiveMap(client, me);
  }

  get gm(): boolean {
    return this.role === 'gm';
  }

  /** May draw, erase our drawings, undo, redo, ping and measure. */
  get canDraw(): boolean {
    return this.role === 'gm' || this.role === 'player';
  }

  get scene(): SceneView | null {
    const scenes = this.view.scenes;
    const id = this.gm ? (this.chosenSceneId ?? this.view.activeSceneId) : this.view.activeSceneId;
    return scenes.find((s) => s.settings.id === id) ?? (this.gm ? (scenes[0] ?? null) : (scenes[0] ?? null));
  }

  get canUndo(): boolean {
    const s = this.scene;
    return !!s && (this.history[s.settings.id]?.undo ?? (s.canUndo ? SOME : 0)) > 0;
  }

  get canRedo(): boolean {
    const s = this.scene;
    return !!s && (this.history[s.settings.id]?.redo ?? (s.canRedo ? SOME : 0)) > 0;
  }

  start(): () => void {
    const welcome = (f: Envelope) => this.welcome(f);
    const changed = (f: Envelope) => this.changed(f);
    const presence = (f: Envelope) => this.presence(f);
    this.client.on('welcome', welcome);
    this.client.on('map.changed', changed);
    this.client.on('presence_update', presence);
    const stopLive = this.live.start();
    return () => {
      stopLive();
      this.client.off('welcome', welcome);
      this.client.off('map.changed', changed);
      this.client.off('presence_update', presence);
    };
  }

  /** Asks the server for the whole map again (a role change, a marker whose effect did not arrive). */
  async refresh(): Promise<void> {
    if (this.buffered) return;
    this.buffered = [];
    try {
      const reply = await this.client.request<{ map?: unknown; seq?: number }>('map.view', {});
      this.setView(mapViewOf(reply?.map), typeof reply?.seq === 'number' ? reply.seq : 0);
    } catch {
      // Not now: the frames that arrived meanwhile still apply to what we hold.
    } finally {
      const frames = this.buffered ?? [];
      this.buffered = null;
      for (const f of frames) this.changed(f);
    }
  }

  /** Whether fog covers a point of the scene on screen. */
  fogged(x: number, y: number): boolean {
    const s = this.scene;
    return !!s && fogCovers(s.fog, x, y);
  }

  /** May we move (and rotate) this token: a GM any; a player an unlocked one they own, on their turn when the GM says so. */
  mayMove(token: Token): boolean {
    if (this.gm) return true;
    if (this.role !== 'player' || token.locked || !token.owners.includes(this.me.userId)) return false;
    return !this.view.movesOnTurnOnly || this.myTurn();
  }

  /** The combatant whose turn it is belongs to us. */
  myTurn(): boolean {
    const e = this.encounter();
    if (!e?.active || !e.current) return false;
    return e.order.some((c) => c.id === e.current && c.ownerUserId === this.me.userId);
  }

  // ------------------------------------------------------------------ scenes (GM)

  createScene(s: NewScene): string {
    const sceneId = newId('scene');
    const payload: Record<string, unknown> = { sceneId, name: s.name.trim(), grid: s.grid, fogged: s.fogged };
    if (s.background) payload.background = s.background;
    const settings: SceneSettings = { id: sceneId, name: s.name.trim(), grid: s.grid };
    if (s.background) settings.background = s.background;
    this.view = { ...this.view, scenes: [...this.view.scenes, emptyScene(settings, s.fogged)] };
    this.chosenSceneId = sceneId;
    this.command('create_scene', payload, () => {
      this.view = { ...this.view, scenes: this.view.scenes.filter((x) => x.settings.id !== sceneId) };
    });
    return sceneId;
  }

  updateScene(sceneId: string, s: Omit<NewScene, 'fogged'>): void {
    const before = this.find(sceneId)?.settings;
    if (!before) return;
    const settings: SceneSettings = { id: sceneId, name: s.name.trim(), grid: s.grid };
    if (s.background) settings.background = s.background;
    this.view = mapScene(this.view, sceneId, (x) => ({ ...x, settings }));
    const payload: Record<string, unknown> = { sceneId, name: settings.name, grid: s.grid };
    if (s.background) payload.background = s.background;
    this.command('update_scene', payload, () => {
      this.view = mapScene(this.view, sceneId, (x) => (x.settings === settings ? { ...x, settings: before } : x));
    });
  }

  deleteScene(sceneId: string): void {
    const at = this.view.scenes.findIndex((s) => s.settings.id === sceneId);
    if (at < 0) return;
    const scene = this.view.scenes[at]!;
    const wasActive = this.view.activeSceneId === sceneId;
    const next: MapView = { ...this.view, scenes: this.view.scenes.filter((s) => s !== scene) };
    if (wasActive) delete next.activeSceneId;
    this.view = next;
    if (this.chosenSceneId === sceneId) this.chosenSceneId = null;
    this.command('delete_scene', { sceneId }, () => {
      if (this.find(sceneId)) return;
      const scenes = this.view.scenes.slice();
      scenes.splice(Math.min(at, scenes.length), 0, scene);
      this.view = wasActive && !this.view.activeSceneId ? { ...this.view, scenes, activeSceneId: sceneId } : { ...this.view, scenes };
    });
  }

  /**
   * Brings a scene from another session of the campaign; it arrives as `scene_imported` (nothing
   * optimistic: the server reads it there).
   */
  importScene(fromSessionId: string, sceneId: string): void {
    this.command('import_scene', { fromSessionId, sceneId }, undefined, () => (this.chosenSceneId = sceneId));
  }

  /** "Show to players". */
  activateScene(sceneId: string): void {
    const before = this.view.activeSceneId;
    this.view = { ...this.view, activeSceneId: sceneId };
    this.command('activate_scene', { sceneId }, () => {
      if (this.view.activeSceneId !== sceneId) return;
      const next: MapView = { ...this.view };
      if (before) next.activeSceneId = before;
      else delete next.activeSceneId;
      this.view = next;
    });
  }

  setMoveRule(onTurnOnly: boolean): void {
    const before = this.view.movesOnTurnOnly;
    this.view = { ...this.view, movesOnTurnOnly: onTurnOnly };
    this.command('set_move_rule', { onTurnOnly }, () => (this.view = { ...this.view, movesOnTurnOnly: before }));
  }

  /** The GM picks which scene they look at (not what players see). */
  chooseScene(sceneId: string): void {
    this.chosenSceneId = sceneId;
  }

  // ------------------------------------------------------------------ tokens

  createToken(sceneId: string, initial: TokenChange[]): string | null {
    const scene = this.find(sceneId);
    if (!scene) return null;
    const tokenId = newId('token');
    const stamp = this.clock.tick();
    const token = newToken(tokenId, initial, scene.settings.grid, stamp);
    this.view = mapScene(this.view, sceneId, (s) => putTokens(s, [token]));
    this.command('create_token', { sceneId, tokenId, initial, stamp }, () => {
      this.view = mapScene(this.view, sceneId, (s) => withoutTokens(s, [tokenId]));
    });
    return tokenId;
  }

  /**
   * Changes a token's properties. A refused change rolls back to what it replaced, unless a later
   * edit of ours is still waiting on that property: then the later one inherits what to roll back
   * to, so two refused moves in a row (a token walked into fog, key by key) end where the server
   * has the token, never on the first refused square.
   */
  editToken(sceneId: string, tokenId: string, changes: TokenChange[]): void {
    const token = this.find(sceneId)?.tokens.find((t) => t.id === tokenId);
    if (!token || changes.length === 0) return;
    const wire = changes.map((c) => (c.kind === 'rotation' ? { ...c, degrees: normalDegrees(c.degrees) } : c));
    const stamp = this.clock.tick();
    const mine = wire.map((c): [string, PendingEdit] => {
      const p = propertyOf(c);
      const edit = { stamp, before: { change: changeOf(token, p), stamp: token.stamps[p] } };
      const key = `${sceneId} ${tokenId} ${p}`;
      this.pendingEdits.set(key, [...(this.pendingEdits.get(key) ?? []), edit]);
      return [key, edit];
    });
    /** Forgets this edit; refused, answers what to put back (what it replaced) where no later edit of ours waits. */
    const settle = (refused: boolean): PendingEdit['before'][] =>
      mine.flatMap(([key, edit]) => {
        const queue = this.pendingEdits.get(key) ?? [];
        const at = queue.indexOf(edit);
        const rest = queue.filter((e) => e !== edit);
        if (rest.length > 0) this.pendingEdits.set(key, rest);
        else this.pendingEdits.delete(key);
        if (!refused) return [];
        const later = at >= 0 ? queue[at + 1] : undefined;
        if (!later) return [edit.before];
        later.before = edit.before;
        return [];
      });
    this.view = mapScene(this.view, sceneId, (s) => mapToken(s, tokenId, (t) => mergeChanges(t, wire, stamp)));
    this.command(
      'edit_token',
      { sceneId, tokenId, changes: wire, stamp },
      () => {
        const restore = settle(true);
        this.view = mapScene(this.view, sceneId, (s) =>
          mapToken(s, tokenId, (t) => {
            let next = t;
            for (const b of restore) {
              const p = propertyOf(b.change);
              if (compareHlc(next.stamps[p], stamp) === 0) next = withRegister(next, b.change, b.stamp);
            }
            return next;
          }),
        );
      },
      () => void settle(false),
    );
  }

  moveToken(sceneId: string, tokenId: string, x: number, y: number): void {
    this.editToken(sceneId, tokenId, [{ kind: 'position', x, y }]);
  }

  rotateToken(sceneId: string, tokenId: string, by: number): void {
    const t = this.find(sceneId)?.tokens.find((x) => x.id === tokenId);
    if (t) this.editToken(sceneId, tokenId, [{ kind: 'rotation', degrees: normalDegrees(t.rotation + by) }]);
  }

  deleteToken(sceneId: string, tokenId: string): void {
    const scene = this.find(sceneId);
    const at = scene?.tokens.findIndex((t) => t.id === tokenId) ?? -1;
    if (!scene || at < 0) return;
    const token = scene.tokens[at]!;
    this.view = mapScene(this.view, sceneId, (s) => withoutTokens(s, [tokenId]));
    this.command('delete_token', { sceneId, tokenId }, () => {
      this.view = mapScene(this.view, sceneId, (s) => {
        if (s.tokens.some((t) => t.id === tokenId)) return s;
        const tokens = s.tokens.slice();
        tokens.splice(Math.min(at, tokens.length), 0, token);
        return { ...s, tokens };
      });
    });
  }

  // ------------------------------------------------------------------ drawings

  draw(sceneId: string, layer: Layer, shape: Shape, pen: Pen): string {
    const drawingId = newId('drawing');
    const drawing: Drawing = { id: drawingId, layer, shape, pen, authorId: this.me.userId };
    this.view = mapScene(this.view, sceneId, (s) => putDrawings(s, [drawing]));
    this.command(
      'draw',
      { sceneId, drawingId, layer, shape, pen },
      () => (this.view = mapScene(this.view, sceneId, (s) => withoutDrawings(s, [drawingId]))),
      () => this.did(sceneId),
    );
    return drawingId;
  }

  erase(sceneId: string, drawingId: string): void {
    const scene = this.find(sceneId);
    const at = scene?.drawings.findIndex((d) => d.id === drawingId) ?? -1;
    if (!scene || at < 0) return;
    const drawing = scene.drawings[at]!;
    this.view = mapScene(this.view, sceneId, (s) => withoutDrawings(s, [drawingId]));
    this.command(
      'erase',
      { sceneId, drawingId },
      () => (this.view = mapScene(this.view, sceneId, (s) => restoreDrawings(s, [[at, drawing]]))),
      () => this.did(sceneId),
    );
  }

  /** Our last drawing op reversed on the server; what it changes arrives as events. */
  undo(sceneId: string): void {
    this.command('undo_drawing', { sceneId }, undefined, () => this.moveHistory(sceneId, -1), (e) => {
      if (e.code === 'E012') this.setHistory(sceneId, { undo: 0 });
    });
  }

  redo(sceneId: string): void {
    this.command('redo_drawing', { sceneId }, undefined, () => this.moveHistory(sceneId, 1), (e) => {
      if (e.code === 'E012') this.setHistory(sceneId, { redo: 0 });
    });
  }

  /** GM: every drawing on the drawings layer erased (the map and GM layers stay). */
  clearCanvas(sceneId: string): void {
    const scene = this.find(sceneId);
    if (!scene) return;
    const gone: [number, Drawing][] = [];
    scene.drawings.forEach((d, i) => d.layer === 'drawings' && gone.push([i, d]));
    this.view = mapScene(this.view, sceneId, (s) => withoutDrawings(s, gone.map(([, d]) => d.id)));
    this.command(
      'clear_canvas',
      { sceneId },
      () => (this.view = mapScene(this.view, sceneId, (s) => restoreDrawings(s, gone))),
      (ack) => ack.events > 0 && this.did(sceneId),
    );
  }

  // ------------------------------------------------------------------ fog (GM)

  changeFog(sceneId: string, mode: FogMode, area: FogArea): void {
    let id = '';
    const op = { mode, area };
    this.command('change_fog', { sceneId, mode, area }, () => {
      this.view = mapScene(this.view, sceneId, (s) => ({ ...s, fog: { ...s.fog, ops: s.fog.ops.filter((o) => o.local !== id) } }));
    }, undefined, undefined, (commandId) => {
      id = commandId;
      this.view = mapScene(this.view, sceneId, (s) => ({ ...s, fog: { ...s.fog, ops: [...s.fog.ops, { ...op, local: commandId }] } }));
    });
  }

  resetFog(sceneId: string, fogged: boolean): void {
    const before = this.find(sceneId)?.fog;
    if (!before) return;
    const fog = { fogged, ops: [] };
    this.view = mapScene(this.view, sceneId, (s) => ({ ...s, fog }));
    this.command('reset_fog', { sceneId, fogged }, () => {
      this.view = mapScene(this.view, sceneId, (s) => (s.fog === fog ? { ...s, fog: before } : s));
    });
  }

  // ------------------------------------------------------------------ frames

  private welcome(f: Envelope): void {
    const w = f.payload as unknown as WelcomePayload & { view?: { map?: unknown } };
    this.role = w.role;
    const map = w.view?.map;
    if (map !== undefined && map !== null) this.setView(mapViewOf(map), w.position?.seq ?? 0);
    else if (!w.resumed) void this.refresh(); // a server that leaves it out of the welcome still answers the request
  }

  private changed(f: Envelope): void {
    if (this.buffered) {
      this.buffered.push(f);
      return;
    }
    if (typeof f.seq === 'number' && f.seq <= this.viewSeq) return;
    const notes: FoldNotes = { stamps: [] };
    this.view = foldFrame(this.view, f.payload, this.me.userId, notes);
    for (const s of notes.stamps) this.clock.seen(s);
    this.resyncAfterMarkers(f.payload);
  }

  /** Our role changed (presence says): the map we may see changes with it. */
  private presence(f: Envelope): void {
    const users = (f.payload as { users?: PresenceUser[] }).users ?? [];
    const mine = users.find((u) => u.userId === this.me.userId);
    if (mine && this.role && mine.role !== this.role) {
      this.role = mine.role;
      void this.refresh();
    }
  }

  /** An undo, redo or clear whose effect came without any shown or hidden objects: ask for the map. */
  private resyncAfterMarkers(payload: unknown): void {
    const changes = ((payload as { changes?: { type?: string }[] })?.changes ?? []).map((c) => c?.type);
    const marker = changes.some((t) => t === 'drawing_undone' || t === 'drawing_redone' || t === 'canvas_cleared');
    if (marker && this.gm && !changes.some((t) => t === 'objects_shown' || t === 'objects_hidden')) void this.refresh();
  }

  private setView(view: MapView, seq: number): void {
    this.view = view;
    this.viewSeq = seq;
    this.history = {};
    for (const s of view.scenes) for (const t of s.tokens) for (const p of Object.values(t.stamps)) this.clock.seen(p);
    if (this.chosenSceneId && !view.scenes.some((s) => s.settings.id === this.chosenSceneId)) this.chosenSceneId = null;
  }

  // ------------------------------------------------------------------ helpers

  private find(sceneId: string): SceneView | undefined {
    return this.view.scenes.find((s) => s.settings.id === sceneId);
  }

  /**
   * Sends `map.<name>`. `rollback` undoes the optimistic change on a refusal; `done` runs on the
   * ack; `refused` after the rollback; `sent` gets the command id at once (to mark local state).
   */
  private command(
    name: string,
    payload: Record<string, unknown>,
    rollback?: () => void,
    done?: (ack: Ack) => void,
    refused?: (e: HearthError) => void,
    sent?: (id: string) => void,
  ): void {
    this.alert = '';
    const { id, ack } = this.client.submit(`map.${name}`, payload);
    if (rollback) this.rollbacks.set(id, rollback);
    sent?.(id);
    ack.then(
      (a) => {
        this.rollbacks.delete(id);
        done?.(a);
      },
      (e: unknown) => {
        const error: HearthError = isHearthError(e) ? e : { code: 'E009', message: '' };
        this.rollbacks.get(id)?.();
        this.rollbacks.delete(id);
        refused?.(error);
        this.alert = `Not done: ${mapMessage(error)}`;
      },
    );
  }

  private depth(sceneId: string): { undo: number; redo: number } {
    const s = this.find(sceneId);
    return this.history[sceneId] ?? { undo: s?.canUndo ? SOME : 0, redo: s?.canRedo ? SOME : 0 };
  }

  private setHistory(sceneId: string, h: Partial<{ undo: number; redo: number }>): void {
    this.history = { ...this.history, [sceneId]: { ...this.depth(sceneId), ...h } };
  }

  /** A new op of ours (draw, erase, clear): something to undo, nothing to redo. */
  private did(sceneId: string): void {
    this.setHistory(sceneId, { undo: this.depth(sceneId).undo + 1, redo: 0 });
  }

  /** -1: an undo; 1: a redo. */
  private moveHistory(sceneId: string, step: -1 | 1): void {
    const d = this.depth(sceneId);
    this.setHistory(sceneId, { undo: Math.max(0, d.undo + step), redo: Math.max(0, d.redo - step) });
  }
}

/** Drawings put back where they were (by index, bottom to top), those not there already. */
function restoreDrawings(scene: SceneView, items: [number, Drawing][]): SceneView {
  const present = new Set(scene.drawings.map((d) => d.id));
  const drawings = scene.drawings.slice();
  for (const [at, d] of items) if (!present.has(d.id)) drawings.splice(Math.min(at, drawings.length), 0, d);
  return drawings.length === scene.drawings.length ? scene : { ...scene, drawings };
}
