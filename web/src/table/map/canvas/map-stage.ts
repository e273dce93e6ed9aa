// The map's Konva stage, loaded lazily with MapCanvas.svelte (Konva stays out of the first bundle).
//
// Layers, bottom to top, each its own canvas so a change redraws only its own:
// - background (not listening): the image, map-layer drawings, the grid (its visible part, one path);
// - tokens: one group per token, rebuilt only when its token object (the model replaces changed
//   ones) or what it shows (HP, selection, image) changed;
// - drawings (listening only for the eraser): cached as one bitmap while nothing changes;
// - drag: the token being dragged, alone, so a drag redraws one small layer at 60 fps;
// - fog (not listening): opaque for players, translucent for the GM;
// - overlay (not listening): cursors, rulers, pings, previews and our own gesture, one path each frame.
import Konva from 'konva';
import type { Drawing, SceneView, Token } from '../map-view';
import type { Box, Point } from '../geometry';
import { boundsOf, shapeBounds, snapToken, tokenBox } from '../geometry';
import { drawingNode, tokenNode } from './nodes';
import { FOG_COLOUR, native, paintFog, paintGrid } from './painters';
import type { TokenLook } from '../token-look';
import type { TokenOnStage } from './frame-stats';

export interface StageData {
  scene: SceneView | null;
  gm: boolean;
  me: string;
  selectedId: string | null;
  /** The drawings layer listens (the eraser is out): no cache then. */
  erasing: boolean;
  look(token: Token): TokenLook | null;
  mayMove(token: Token): boolean;
  /** A loaded image, or null (it loads; `imageReady` redraws). */
  image(hash: string): HTMLImageElement | null;
}

export interface StageEvents {
  select(tokenId: string | null): void;
  /** A token dropped: where it lands (snapped unless Alt was held). */
  moved(token: Token, x: number, y: number): void;
  dragging(token: Token, centre: Point): void;
  erase(drawing: Drawing): void;
  /** The view moved or zoomed. */
  viewChanged(): void;
}

// Six layers on purpose (Konva suggests at most five): the drag layer keeps a drag's redraw to one
// token. Its console warning would only alarm whoever reads the console.
Konva.showWarnings = false;

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;
const LAYER_RANK = { map: 0, tokens: 1, drawings: 1, gm: 2 } as const;

export class MapStage {
  readonly stage: Konva.Stage;
  private readonly background = new Konva.Layer({ listening: false });
  private readonly backdrop = new Konva.Group();
  private readonly mapDrawings = new Konva.Group();
  private readonly tokens = new Konva.Layer();
  private readonly drawingsLayer = new Konva.Layer({ listening: false });
  private readonly drawings = new Konva.Group();
  private readonly drag = new Konva.Layer();
  private readonly fog = new Konva.Layer({ listening: false });
  readonly overlay = new Konva.Layer({ listening: false });

  private data: StageData | null = null;
  private sceneId: string | null = null;
  private tokenNodes = new Map<string, { token: Token; key: string; node: Konva.Group }>();
  private drawingNodes = new Map<string, { drawing: Drawing; node: Konva.Shape }>();
  private lastDrawings: Drawing[] | null = null;
  private lastSettings: unknown = null;
  private lastFog: unknown = null;
  private draggingId: string | null = null;
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    container: HTMLDivElement,
    private readonly events: StageEvents,
  ) {
    this.stage = new Konva.Stage({ container, width: container.clientWidth || 600, height: container.clientHeight || 400 });
    this.background.add(this.backdrop, this.mapDrawings, new Konva.Shape({ sceneFunc: (ctx) => this.grid(ctx), listening: false }));
    this.drawingsLayer.add(this.drawings);
    this.fog.add(new Konva.Shape({ sceneFunc: (ctx) => this.paintFog(ctx), listening: false }));
    this.stage.add(this.background, this.tokens, this.drawingsLayer, this.drag, this.fog, this.overlay);
    this.drawings.on('click tap', (e) => {
      const d = this.drawingNodes.get(e.target.id())?.drawing;
      if (d) this.events.erase(d);
    });
  }

  // ------------------------------------------------------------------ view

  resize(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    this.stage.size({ width, height });
    this.stage.batchDraw();
  }

  get scale(): number {
    return this.stage.scaleX();
  }

  /** The part of the map on screen, in map coordinates. */
  visible(): Box {
    const s = this.scale;
    const x = -this.stage.x() / s;
    const y = -this.stage.y() / s;
    return { minX: x, minY: y, maxX: x + this.stage.width() / s, maxY: y + this.stage.height() / s };
  }

  /** A point on screen (relative to the stage's container) in map coordinates. */
  toMap(p: Point): Point {
    const s = this.scale;
    return { x: (p.x - this.stage.x()) / s, y: (p.y - this.stage.y()) / s };
  }

  /** The pointer in map coordinates, if it is over the stage. */
  pointer(): Point | null {
    const p = this.stage.getPointerPosition();
    return p ? this.toMap(p) : null;
  }

  centre(): Point {
    const v = this.visible();
    return { x: (v.minX + v.maxX) / 2, y: (v.minY + v.maxY) / 2 };
  }

  /** Zooms by a factor about a point on screen (the pointer, or the middle). */
  zoomBy(factor: number, about?: Point): void {
    const old = this.scale;
    const s = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, old * factor));
    const at = about ?? { x: this.stage.width() / 2, y: this.stage.height() / 2 };
    const m = this.toMap(at);
    this.stage.scale({ x: s, y: s });
    this.stage.position({ x: at.x - m.x * s, y: at.y - m.y * s });
    this.viewMoved();
  }

  panBy(dx: number, dy: number): void {
    this.stage.position({ x: this.stage.x() + dx, y: this.stage.y() + dy });
    this.viewMoved();
  }

  /** Shows the whole scene: its background, else what is on it, else a 20 × 15 cell area. */
  fit(): void {
    const scene = this.data?.scene;
    if (!scene) return;
    const b = sceneExtent(scene);
    const pad = 20;
    const w = this.stage.width() - 2 * pad;
    const h = this.stage.height() - 2 * pad;
    const s = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(w / (b.maxX - b.minX), h / (b.maxY - b.minY))));
    this.stage.scale({ x: s, y: s });
    this.stage.position({ x: pad + (w - (b.maxX - b.minX) * s) / 2 - b.minX * s, y: pad + (h - (b.maxY - b.minY) * s) / 2 - b.minY * s });
    this.viewMoved();
  }

  private viewMoved(): void {
    this.stage.batchDraw();
    this.events.viewChanged();
    // The drawings' bitmap is re-made at the new scale once zooming pauses.
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => this.cacheDrawings(), 250);
  }

  // ------------------------------------------------------------------ sync

  /** Brings the stage in line with the data; cheap when little changed. */
  render(data: StageData): void {
    this.data = data;
    const scene = data.scene;
    if (!scene) {
      this.clear();
      this.stage.batchDraw();
      return;
    }
    const fresh = scene.settings.id !== this.sceneId;
    if (fresh) {
      this.clear();
      this.sceneId = scene.settings.id;
    }
    this.syncBackground(scene);
    this.syncDrawings(scene, data);
    this.syncTokens(scene, data);
    this.drawingsLayer.listening(data.erasing);
    this.fog.opacity(data.gm ? 0.45 : 1);
    if (scene.fog !== this.lastFog) {
      this.lastFog = scene.fog;
      this.fog.batchDraw();
    }
    if (fresh) this.fit();
    this.stage.batchDraw();
  }

  /** An image finished loading: rebuild what shows it. */
  imageReady(): void {
    this.lastSettings = null;
    for (const entry of this.tokenNodes.values()) entry.key = '';
    if (this.data) this.render(this.data);
  }

  counts(): { tokens: number; drawings: number; fogOps: number } {
    return { tokens: this.tokenNodes.size, drawings: this.drawingNodes.size, fogOps: this.data?.scene?.fog.ops.length ?? 0 };
  }

  /** The tokens on the stage, with their boxes on the page (for the browser tests). */
  tokensOnStage(): TokenOnStage[] {
    const s = this.scale;
    return [...this.tokenNodes.values()].map(({ token: t, node }) => {
      const at = this.toClient({ x: node.x(), y: node.y() });
      return { id: t.id, name: t.name, x: node.x(), y: node.y(), width: t.width, height: t.height, client: { ...at, width: t.width * s, height: t.height * s } };
    });
  }

  /** A map point in client pixels (the viewport's, as pointer events give them). */
  toClient(p: Point): Point {
    const box = this.stage.container().getBoundingClientRect();
    const s = this.scale;
    return { x: box.left + this.stage.x() + p.x * s, y: box.top + this.stage.y() + p.y * s };
  }

  destroy(): void {
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.stage.destroy();
  }

  private clear(): void {
    this.sceneId = null;
    this.tokens.destroyChildren();
    this.drag.destroyChildren();
    this.drawings.destroyChildren();
    this.mapDrawings.destroyChildren();
    this.backdrop.destroyChildren();
    this.tokenNodes.clear();
    this.drawingNodes.clear();
    this.lastDrawings = null;
    this.lastSettings = null;
    this.lastFog = null;
  }

  private syncBackground(scene: SceneView): void {
    if (scene.settings === this.lastSettings) return;
    this.lastSettings = scene.settings;
    this.backdrop.destroyChildren();
    const bg = scene.settings.background;
    if (bg) {
      const img = this.data?.image(bg.hash) ?? null;
      this.backdrop.add(
        img
          ? new Konva.Image({ image: img, width: bg.width, height: bg.height, listening: false })
          : new Konva.Rect({ width: bg.width, height: bg.height, fill: '#d8dee4', listening: false }),
      );
    }
    this.background.batchDraw();
  }

  private syncDrawings(scene: SceneView, data: StageData): void {
    if (scene.drawings === this.lastDrawings) {
      this.cacheDrawings();
      return;
    }
    this.lastDrawings = scene.drawings;
    const seen = new Set<string>();
    for (const d of scene.drawings) {
      seen.add(d.id);
      const had = this.drawingNodes.get(d.id);
      if (had?.drawing === d) continue;
      had?.node.destroy();
      const node = drawingNode(d, data.gm && d.layer === 'gm');
      (d.layer === 'map' ? this.mapDrawings : this.drawings).add(node);
      this.drawingNodes.set(d.id, { drawing: d, node });
    }
    for (const [id, entry] of this.drawingNodes) {
      if (!seen.has(id)) {
        entry.node.destroy();
        this.drawingNodes.delete(id);
      }
    }
    // Bottom to top as the scene lists them; GM-layer drawings above the rest.
    let i = 0;
    let j = 0;
    for (const d of [...scene.drawings].sort((a, b) => LAYER_RANK[a.layer] - LAYER_RANK[b.layer])) {
      const node = this.drawingNodes.get(d.id)!.node;
      if (d.layer === 'map') node.zIndex(j++);
      else node.zIndex(i++);
    }
    this.background.batchDraw();
    this.cacheDrawings();
  }

  /** One bitmap for all drawings while they stand still, at the zoom's sharpness, unless too large. */
  private cacheDrawings(): void {
    const g = this.drawings;
    g.clearCache();
    if (this.data?.erasing || g.children.length < 20) {
      this.drawingsLayer.batchDraw();
      return;
    }
    const rect = g.getClientRect({ relativeTo: g as unknown as Konva.Container });
    const sharp = this.scale * (window.devicePixelRatio || 1);
    const side = Math.max(rect.width, rect.height, 1);
    if (side * sharp <= 4096 && rect.width > 0 && rect.height > 0) g.cache({ pixelRatio: sharp });
    this.drawingsLayer.batchDraw();
  }

  private syncTokens(scene: SceneView, data: StageData): void {
    const seen = new Set<string>();
    const ordered = [...scene.tokens].sort((a, b) => LAYER_RANK[a.layer] - LAYER_RANK[b.layer]);
    for (const t of ordered) {
      seen.add(t.id);
      const look = data.look(t);
      const draggable = data.mayMove(t);
      const image = t.image ? data.image(t.image.hash) : null;
      const key = JSON.stringify([look, draggable, data.selectedId === t.id, !!image, data.gm]);
      const had = this.tokenNodes.get(t.id);
      if (had && had.token === t && had.key === key) continue;
      if (this.draggingId === t.id) continue; // never pulled from under the pointer; synced on drop
      had?.node.destroy();
      const node = tokenNode(t, { gm: data.gm, selected: data.selectedId === t.id, draggable, look, image });
      this.wireToken(node, t);
      this.tokens.add(node);
      this.tokenNodes.set(t.id, { token: t, key, node });
    }
    for (const [id, entry] of this.tokenNodes) {
      if (!seen.has(id)) {
        entry.node.destroy();
        this.tokenNodes.delete(id);
      }
    }
    ordered.forEach((t, i) => {
      const node = this.tokenNodes.get(t.id)?.node;
      if (node && node.getLayer() === this.tokens) node.zIndex(Math.min(i, this.tokens.children.length - 1));
    });
    this.tokens.batchDraw();
  }

  private wireToken(node: Konva.Group, t: Token): void {
    node.on('click tap', (e) => {
      e.cancelBubble = true;
      this.events.select(t.id);
    });
    node.on('dragstart', () => {
      this.draggingId = t.id;
      this.events.select(t.id);
      node.moveTo(this.drag);
      this.tokens.batchDraw();
    });
    node.on('dragmove', () => {
      this.events.dragging(t, { x: node.x() + t.width / 2, y: node.y() + t.height / 2 });
    });
    node.on('dragend', (e) => {
      const grid = this.data?.scene?.settings.grid;
      const free = (e.evt as MouseEvent | undefined)?.altKey === true;
      const at = grid && !free ? snapToken(grid, node.x(), node.y(), t.width, t.height) : { x: node.x(), y: node.y() };
      node.position(at);
      node.moveTo(this.tokens);
      this.draggingId = null;
      this.drag.batchDraw();
      this.tokens.batchDraw();
      const current = this.tokenNodes.get(t.id)?.token ?? t;
      if (at.x !== current.x || at.y !== current.y) this.events.moved(current, at.x, at.y);
      else if (this.data) this.render(this.data);
    });
  }

  private grid(ctx: Konva.Context): void {
    const grid = this.data?.scene?.settings.grid;
    if (grid) paintGrid(native(ctx), grid, this.visible(), this.scale);
  }

  private paintFog(ctx: Konva.Context): void {
    const fog = this.data?.scene?.fog;
    if (!fog) return;
    const c = native(ctx);
    c.fillStyle = FOG_COLOUR;
    paintFog(c, fog, this.visible());
  }
}

/** The box a scene's "fit" shows. */
export function sceneExtent(scene: SceneView): Box {
  const bg = scene.settings.background;
  if (bg) return { minX: 0, minY: 0, maxX: bg.width, maxY: bg.height };
  const boxes = [...scene.tokens.map(tokenBox), ...scene.drawings.map((d) => shapeBounds(d.shape))];
  const cell = scene.settings.grid.cellSize;
  if (boxes.length === 0) {
    const { offsetX: x, offsetY: y } = scene.settings.grid;
    return { minX: x, minY: y, maxX: x + 20 * cell, maxY: y + 15 * cell };
  }
  const b = boundsOf(boxes.flatMap((x) => [x.minX, x.minY, x.maxX, x.maxY]));
  return { minX: b.minX - cell, minY: b.minY - cell, maxX: b.maxX + cell, maxY: b.maxY + cell };
}
