// What the map's toolbar chose: the tool, the pen, the layer drawn on, and the selected token. One
// object shared by the toolbar, the token list, the inspector and the canvas.
import type { Layer } from './map-view';

export type Tool =
  | 'select'
  | 'freehand'
  | 'line'
  | 'rect'
  | 'ellipse'
  | 'polygon'
  | 'text'
  | 'erase'
  | 'ruler'
  | 'ping'
  | 'fog-reveal-rect'
  | 'fog-reveal-polygon'
  | 'fog-reveal-brush'
  | 'fog-hide-rect'
  | 'fog-hide-polygon'
  | 'fog-hide-brush';

export const DRAWING_TOOLS: readonly Tool[] = ['freehand', 'line', 'rect', 'ellipse', 'polygon', 'text'];

export class MapTools {
  tool = $state<Tool>('select');
  colour = $state('#d03030');
  stroke = $state(4);
  /** Where drawings go: players always on `drawings`; a GM may pick the map or GM layer. */
  layer = $state<Layer>('drawings');
  /** The text the text tool places. */
  text = $state('');
  selectedTokenId = $state<string | null>(null);
  /** The middle of the canvas's view in map coordinates, where new tokens go. */
  viewCentre = $state<{ x: number; y: number } | null>(null);
  /** Counts presses of "Finish polygon": the canvas finishes the polygon being clicked out. */
  finishPolygon = $state(0);

  /** The fog brush's radius in map units: wider than a pen, so a few strokes clear a room. */
  get brushRadius(): number {
    return this.stroke * 5;
  }

  select(tokenId: string | null): void {
    this.selectedTokenId = tokenId;
  }
}

/** A fog tool's mode and area kind, or null for other tools. */
export function fogTool(tool: Tool): { mode: 'reveal' | 'hide'; kind: 'rect' | 'polygon' | 'brush' } | null {
  const m = /^fog-(reveal|hide)-(rect|polygon|brush)$/.exec(tool);
  return m ? { mode: m[1] as 'reveal' | 'hide', kind: m[2] as 'rect' | 'polygon' | 'brush' } : null;
}
