// Konva nodes for what a scene holds: a token (image or coloured disc with initials, name label,
// HP bar, condition badges, the GM's marks) and a drawing of each kind. Built afresh when the
// thing changes (the model replaces changed objects, so the stage compares by reference).
import Konva from 'konva';
import type { Drawing, Token } from '../map-view';
import { colourOf, hpColour, initials, type TokenLook } from '../token-look';

export interface TokenContext {
  gm: boolean;
  selected: boolean;
  draggable: boolean;
  look: TokenLook | null;
  image: HTMLImageElement | null;
}

/** The group sits at the token's top-left corner; its body turns about the centre. */
export function tokenNode(t: Token, c: TokenContext): Konva.Group {
  const w = t.width;
  const h = t.height;
  const group = new Konva.Group({ id: t.id, name: 'token', x: t.x, y: t.y, draggable: c.draggable });
  const secret = c.gm && (t.hidden || t.layer === 'gm');
  const body = new Konva.Group({ x: w / 2, y: h / 2, offsetX: w / 2, offsetY: h / 2, rotation: t.rotation, opacity: secret ? 0.5 : 1 });
  if (c.image) {
    body.add(new Konva.Image({ image: c.image, width: w, height: h, perfectDrawEnabled: false }));
  } else {
    const r = Math.min(w, h) / 2;
    body.add(
      new Konva.Ellipse({ x: w / 2, y: h / 2, radiusX: w / 2 - 1, radiusY: h / 2 - 1, fill: colourOf(t.id), stroke: '#ffffff', strokeWidth: 2, perfectDrawEnabled: false }),
      new Konva.Text({
        x: 0,
        y: h / 2 - r * 0.45,
        width: w,
        text: initials(t.name),
        fontSize: r * 0.9,
        fontStyle: 'bold',
        fill: '#ffffff',
        align: 'center',
        listening: false,
        perfectDrawEnabled: false,
      }),
    );
    // A notch shows which way the token faces.
    body.add(new Konva.Line({ points: [w / 2 - 5, 4, w / 2, -3, w / 2 + 5, 4], closed: true, fill: '#ffffff', listening: false }));
  }
  group.add(body);
  if (c.selected) {
    group.add(new Konva.Rect({ x: -3, y: -3, width: w + 6, height: h + 6, stroke: '#0969da', strokeWidth: 3, dash: [8, 4], listening: false }));
  }
  if (secret) {
    group.add(label(t.hidden ? 'Hidden' : 'GM', 0, -16, '#6e40c9'));
  }
  if (t.locked && c.gm) group.add(label('Locked', w, -16, '#57606a', 'right'));
  if (t.name) {
    group.add(
      new Konva.Text({ x: -w / 2, y: h + 2, width: w * 2, text: t.name, fontSize: Math.max(11, Math.min(16, w / 5)), fill: '#111111', align: 'center', listening: false, perfectDrawEnabled: false, shadowColor: '#ffffff', shadowBlur: 3, shadowOpacity: 1 }),
    );
  }
  if (c.look?.hp) {
    const { current, max, temporary } = c.look.hp;
    const share = max > 0 ? Math.max(0, Math.min(1, current / max)) : 0;
    group.add(
      new Konva.Rect({ x: 0, y: -8, width: w, height: 6, fill: '#24292f', listening: false }),
      new Konva.Rect({ x: 0, y: -8, width: w * share, height: 6, fill: hpColour(c.look.hp), listening: false }),
    );
    if (temporary > 0) group.add(new Konva.Rect({ x: 0, y: -10, width: w * Math.min(1, temporary / Math.max(max, 1)), height: 2, fill: '#54aeff', listening: false }));
  } else if (c.look?.health) {
    group.add(label(c.look.health, 0, -16, '#24292f'));
  }
  const conditions = c.look?.conditions ?? [];
  conditions.slice(0, 4).forEach((name, i) => {
    const size = Math.max(12, Math.min(18, w / 4));
    group.add(
      new Konva.Circle({ x: w - size / 2 - i * (size + 1), y: h - size / 2, radius: size / 2, fill: '#9a6700', stroke: '#ffffff', strokeWidth: 1, listening: false }),
      new Konva.Text({ x: w - size - i * (size + 1), y: h - size * 0.8, width: size, text: name.slice(0, 2).replace(/^./, (x) => x.toUpperCase()), fontSize: size * 0.55, fill: '#ffffff', align: 'center', listening: false }),
    );
  });
  if (conditions.length > 4) group.add(label(`+${conditions.length - 4}`, 0, h - 14, '#9a6700'));
  return group;
}

function label(text: string, x: number, y: number, fill: string, align: 'left' | 'right' = 'left'): Konva.Label {
  const l = new Konva.Label({ x, y, listening: false });
  l.add(new Konva.Tag({ fill, cornerRadius: 3 }), new Konva.Text({ text, fontSize: 11, padding: 2, fill: '#ffffff' }));
  if (align === 'right') l.offsetX(l.width());
  return l;
}

/** One drawing. `translucent`: a GM-layer drawing as the GM sees it. */
export function drawingNode(d: Drawing, translucent: boolean): Konva.Shape {
  const common = {
    id: d.id,
    name: 'drawing',
    stroke: d.pen.colour,
    strokeWidth: d.pen.stroke,
    opacity: translucent ? 0.5 : 1,
    lineCap: 'round' as const,
    lineJoin: 'round' as const,
    hitStrokeWidth: Math.max(12, d.pen.stroke),
    perfectDrawEnabled: false,
    shadowForStrokeEnabled: false,
  };
  const s = d.shape;
  switch (s.kind) {
    case 'freehand':
      return new Konva.Line({ ...common, points: s.points });
    case 'line':
      return new Konva.Line({ ...common, points: [s.x1, s.y1, s.x2, s.y2] });
    case 'rect':
      return new Konva.Rect({ ...common, x: s.x, y: s.y, width: s.width, height: s.height });
    case 'ellipse':
      return new Konva.Ellipse({ ...common, x: s.centreX, y: s.centreY, radiusX: s.radiusX, radiusY: s.radiusY });
    case 'polygon':
      return new Konva.Line({ ...common, points: s.points, closed: true });
    case 'text':
      return new Konva.Text({ id: d.id, name: 'drawing', x: s.x, y: s.y, text: s.text, fontSize: s.size, fill: d.pen.colour, opacity: translucent ? 0.5 : 1, perfectDrawEnabled: false });
  }
}
