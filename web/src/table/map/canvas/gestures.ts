// What the pointer does on the stage: pan (empty space with the select tool, Space held, or the
// middle button), zoom (the wheel, about the pointer), and each tool's gesture (shapes, polygons,
// text, rulers, pings, the fog tools); and the overlay that shows gestures and others' live marks.
import Konva from 'konva';
import type { MapModel } from '../map-model.svelte';
import type { MapTools } from '../tools.svelte';
import { DRAWING_TOOLS, fogTool } from '../tools.svelte';
import type { LiveMap } from '../live-map.svelte';
import { PING_MS } from '../live-map.svelte';
import type { Shape } from '../map-view';
import { brushOutline, rectBetween, simplifyStroke, snapPoint, type Point } from '../geometry';
import type { MapStage } from './map-stage';
import { native, paintCursor, paintPing, paintRuler, polyline } from './painters';
import { colourOf } from '../token-look';

type Gesture =
  | { kind: 'pan'; from: Point; at: Point }
  | { kind: 'shape'; from: Point; to: Point; points: number[] }
  | { kind: 'ruler'; points: number[] };

export class Gestures {
  private gesture: Gesture | null = null;
  /** The polygon being clicked out (drawing or fog). */
  polygon: number[] = [];
  private ownRuler: number[] = [];
  private spaceHeld = false;
  private animating = 0;
  private rulerClear: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly map: MapStage,
    private readonly model: MapModel,
    private readonly tools: MapTools,
    private readonly live: LiveMap,
    private readonly names: () => Map<string, string>,
  ) {
    const stage = map.stage;
    stage.on('pointerdown', (e) => this.down(e));
    stage.on('pointermove', (e) => this.move(e));
    stage.on('pointerup pointercancel', () => this.release());
    stage.on('dblclick dbltap', () => this.finishPolygon());
    stage.on('wheel', (e) => {
      e.evt.preventDefault();
      const p = stage.getPointerPosition() ?? undefined;
      this.map.zoomBy(e.evt.deltaY < 0 ? 1.15 : 1 / 1.15, p);
    });
    map.overlay.add(new Konva.Shape({ sceneFunc: (ctx) => this.paint(ctx), listening: false }));
  }

  setSpace(held: boolean): void {
    this.spaceHeld = held;
  }

  /** Escape: drops the gesture and the polygon in progress. */
  cancel(): void {
    this.gesture = null;
    this.polygon = [];
    this.redraw();
  }

  private get sceneId(): string | null {
    return this.model.scene?.settings.id ?? null;
  }

  private point(): Point | null {
    return this.map.pointer();
  }

  private down(e: Konva.KonvaEventObject<PointerEvent>): void {
    const p = this.point();
    const screen = this.map.stage.getPointerPosition();
    if (!p || !screen) return;
    const tool = this.tools.tool;
    const onEmpty = e.target === this.map.stage;
    if (e.evt.button === 1 || this.spaceHeld || (tool === 'select' && onEmpty) || (!this.model.canDraw && onEmpty)) {
      e.evt.preventDefault();
      if (tool === 'select' && onEmpty && e.evt.button === 0) this.tools.select(null);
      this.gesture = { kind: 'pan', from: screen, at: { x: this.map.stage.x(), y: this.map.stage.y() } };
      return;
    }
    if (e.evt.button !== 0 || !this.model.canDraw || !this.sceneId) return;
    const fog = fogTool(tool);
    if (tool === 'polygon' || fog?.kind === 'polygon') {
      this.polygon = [...this.polygon, p.x, p.y];
      this.redraw();
      return;
    }
    if (tool === 'text') {
      const text = this.tools.text.trim();
      if (text) {
        const size = Math.round(this.model.scene!.settings.grid.cellSize * 0.4);
        this.model.draw(this.sceneId, this.layer(), { kind: 'text', x: p.x, y: p.y, text, size }, this.pen());
      }
      return;
    }
    if (tool === 'ping') {
      this.live.pingAt(this.sceneId, p.x, p.y);
      this.animate();
      return;
    }
    if (tool === 'ruler') {
      const grid = this.model.scene!.settings.grid;
      const s = e.evt.altKey ? p : snapPoint(grid, p.x, p.y);
      this.gesture = { kind: 'ruler', points: [s.x, s.y, s.x, s.y] };
      return;
    }
    if (DRAWING_TOOLS.includes(tool) || fog) this.gesture = { kind: 'shape', from: p, to: p, points: [p.x, p.y] };
  }

  private move(e: Konva.KonvaEventObject<PointerEvent>): void {
    const g = this.gesture;
    const p = this.point();
    if (p && this.sceneId && this.model.canDraw && !g) this.live.cursor(this.sceneId, p.x, p.y);
    if (!g || !p) {
      if (this.polygon.length > 0) this.redraw();
      return;
    }
    if (g.kind === 'pan') {
      const screen = this.map.stage.getPointerPosition();
      if (!screen) return;
      this.map.stage.position({ x: g.at.x + screen.x - g.from.x, y: g.at.y + screen.y - g.from.y });
      this.map.panBy(0, 0);
      return;
    }
    if (g.kind === 'ruler') {
      const grid = this.model.scene!.settings.grid;
      const s = e.evt.altKey ? p : snapPoint(grid, p.x, p.y);
      g.points[g.points.length - 2] = s.x;
      g.points[g.points.length - 1] = s.y;
      this.live.measure(this.sceneId!, g.points, this.model.gm && e.evt.shiftKey);
      this.ownRuler = g.points;
      this.redraw();
      return;
    }
    g.to = p;
    const last = g.points.length;
    if (Math.hypot(p.x - g.points[last - 2]!, p.y - g.points[last - 1]!) * this.map.scale >= 2) g.points.push(p.x, p.y);
    if (this.tools.tool === 'freehand') this.live.drawPreview(g.points, this.tools.colour, this.tools.stroke, this.layer());
    this.redraw();
  }

  /** The pointer went up (on the stage, or anywhere on the page). */
  release(): void {
    const g = this.gesture;
    this.gesture = null;
    if (!g) return;
    if (g.kind === 'pan') return;
    const sceneId = this.sceneId;
    if (!sceneId) return;
    if (g.kind === 'ruler') {
      // The ruler stays a moment for others to read, then clears.
      if (this.rulerClear) clearTimeout(this.rulerClear);
      this.rulerClear = setTimeout(() => {
        this.ownRuler = [];
        this.live.measure(sceneId, []);
        this.redraw();
      }, 3000);
      return;
    }
    const tool = this.tools.tool;
    const fog = fogTool(tool);
    if (fog) {
      if (fog.kind === 'rect') {
        const r = rectBetween(g.from, g.to);
        if (r) this.model.changeFog(sceneId, fog.mode, { kind: 'rect', ...r });
      } else if (fog.kind === 'brush') {
        const outline = brushOutline(g.points, this.tools.brushRadius);
        if (outline.length >= 6) this.model.changeFog(sceneId, fog.mode, { kind: 'polygon', points: outline });
      }
      this.redraw();
      return;
    }
    const shape = this.shapeOf(tool, g);
    if (shape) this.model.draw(sceneId, this.layer(), shape, this.pen());
    if (tool === 'freehand') this.live.drawPreview([], this.tools.colour, this.tools.stroke, this.layer());
    this.redraw();
  }

  private shapeOf(tool: string, g: { from: Point; to: Point; points: number[] }): Shape | null {
    switch (tool) {
      case 'freehand': {
        const points = simplifyStroke(g.points, 0.75 / this.map.scale);
        return { kind: 'freehand', points: points.length >= 4 ? points : [g.from.x, g.from.y, g.from.x + 0.5, g.from.y + 0.5] };
      }
      case 'line':
        return g.from.x === g.to.x && g.from.y === g.to.y ? null : { kind: 'line', x1: g.from.x, y1: g.from.y, x2: g.to.x, y2: g.to.y };
      case 'rect': {
        const r = rectBetween(g.from, g.to);
        return r ? { kind: 'rect', ...r } : null;
      }
      case 'ellipse': {
        const r = rectBetween(g.from, g.to);
        return r ? { kind: 'ellipse', centreX: r.x + r.width / 2, centreY: r.y + r.height / 2, radiusX: r.width / 2, radiusY: r.height / 2 } : null;
      }
      default:
        return null;
    }
  }

  /** Double-click or Enter: the polygon being clicked out is done (3 points at least). */
  finishPolygon(): void {
    const sceneId = this.sceneId;
    // A double-click adds its point twice: drop repeats.
    const points = simplifyStroke(this.polygon, 0);
    this.polygon = [];
    this.redraw();
    if (!sceneId || points.length < 6) return;
    const fog = fogTool(this.tools.tool);
    if (fog?.kind === 'polygon') this.model.changeFog(sceneId, fog.mode, { kind: 'polygon', points });
    else if (this.tools.tool === 'polygon') this.model.draw(sceneId, this.layer(), { kind: 'polygon', points }, this.pen());
  }

  /** P: a ping where the pointer is, or in the middle of the view. */
  ping(): void {
    const sceneId = this.sceneId;
    if (!sceneId || !this.model.canDraw) return;
    const p = this.point() ?? this.map.centre();
    this.live.pingAt(sceneId, p.x, p.y);
    this.animate();
  }

  private layer() {
    return this.model.gm ? this.tools.layer : 'drawings';
  }

  private pen() {
    return { colour: this.tools.colour, stroke: this.tools.stroke };
  }

  /** Pings grow for a while: redraw every frame while any shows. */
  animate(): void {
    if (this.animating) return;
    const step = () => {
      this.redraw();
      this.animating = this.live.pings.length > 0 ? requestAnimationFrame(step) : 0;
    };
    this.animating = requestAnimationFrame(step);
  }

  redraw(): void {
    this.map.overlay.batchDraw();
  }

  destroy(): void {
    if (this.animating) cancelAnimationFrame(this.animating);
    if (this.rulerClear) clearTimeout(this.rulerClear);
  }

  /** The overlay's one paint: others' marks on this scene, then ours. */
  paint(ctx: Konva.Context): void {
    const scene = this.model.scene;
    if (!scene) return;
    const c = native(ctx);
    const s = this.map.scale;
    const id = scene.settings.id;
    const names = this.names();
    const grid = scene.settings.grid;
    for (const [userId, p] of Object.entries(this.live.previews)) {
      c.strokeStyle = p.color ?? colourOf(userId);
      c.lineWidth = p.width ?? 3;
      c.lineCap = 'round';
      c.lineJoin = 'round';
      c.globalAlpha = 0.6;
      polyline(c, p.points);
      c.stroke();
      c.globalAlpha = 1;
    }
    for (const [userId, r] of Object.entries(this.live.rulers)) {
      if (r.scene === id) paintRuler(c, grid, r.points, colourOf(userId), s, names.get(userId) ?? 'Someone');
    }
    if (this.ownRuler.length >= 4) paintRuler(c, grid, this.ownRuler, '#0969da', s);
    const now = Date.now();
    for (const p of this.live.pings) {
      if (p.scene === id) paintPing(c, p.x, p.y, (now - p.at) / PING_MS, colourOf(p.userId), s);
    }
    for (const [userId, cur] of Object.entries(this.live.cursors)) {
      if (cur.scene === undefined || cur.scene === id) paintCursor(c, cur.x, cur.y, names.get(userId) ?? 'Someone', colourOf(userId), s);
    }
    this.paintGesture(c, s);
  }

  private paintGesture(c: CanvasRenderingContext2D, s: number): void {
    const fog = fogTool(this.tools.tool);
    c.strokeStyle = fog ? '#0969da' : this.tools.colour;
    c.fillStyle = 'rgba(9, 105, 218, 0.2)';
    c.lineWidth = fog ? 2 / s : this.tools.stroke;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    if (this.polygon.length >= 2) {
      const p = this.point();
      polyline(c, p ? [...this.polygon, p.x, p.y] : this.polygon, true);
      c.stroke();
      if (fog) c.fill();
    }
    const g = this.gesture;
    if (!g || g.kind !== 'shape') return;
    const tool = this.tools.tool;
    if (fog?.kind === 'brush') {
      c.lineWidth = this.tools.brushRadius * 2;
      c.strokeStyle = 'rgba(9, 105, 218, 0.35)';
      polyline(c, g.points);
      c.stroke();
      return;
    }
    const r = rectBetween(g.from, g.to);
    c.beginPath();
    if (tool === 'freehand') polyline(c, g.points);
    else if (tool === 'line') polyline(c, [g.from.x, g.from.y, g.to.x, g.to.y]);
    else if (r && tool === 'ellipse') c.ellipse(r.x + r.width / 2, r.y + r.height / 2, r.width / 2, r.height / 2, 0, 0, Math.PI * 2);
    else if (r) c.rect(r.x, r.y, r.width, r.height);
    c.stroke();
    if (fog && r) c.fill();
  }
}
