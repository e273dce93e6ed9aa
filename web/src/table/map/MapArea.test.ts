import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTableClient, settle, welcomeFrame } from '../test-client';
import { TableModel, type TableClient } from '../table-model.svelte';
import MapArea from './MapArea.svelte';
import { mapJson, sceneJson, tokenJson } from './test-map';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let client: FakeTableClient;
let model: TableModel;
let stop: (() => void) | null = null;

/** Ada (u1) at the table as `role`, the welcome's map, the area without its canvas (happy-dom draws nothing). */
async function render(role: string, map: unknown): Promise<void> {
  client = new FakeTableClient();
  model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
  stop = model.start();
  client.emit(welcomeFrame(role, { view: { seated: [{ userId: 'u2', displayName: 'Bob', role: 'player' }], map } }));
  app = mount(MapArea, {
    target,
    props: {
      map: model.map,
      get encounter() {
        return model.combat.encounter;
      },
      get people() {
        return model.players;
      },
      get names() {
        return model.names;
      },
      sessionId: 's1',
      tokens: { accessToken: async () => null, signedOut: () => undefined },
      canvas: false,
    },
  });
  await settle();
}

const nameOf = (b: Element) => (b.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttons = (root: ParentNode = target) => [...root.querySelectorAll('button')].map(nameOf);
function button(name: string, root: ParentNode = target): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => nameOf(x) === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`no button ${name} among ${buttons(root).join(' | ')}`);
  return b;
}
function field(label: string): HTMLInputElement & HTMLSelectElement {
  const l = [...target.querySelectorAll('label')].find((x) => nameOf(x).startsWith(label));
  if (!l) throw new Error(`no label ${label}`);
  return l.querySelector('input, select') as HTMLInputElement & HTMLSelectElement;
}
function set(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  // Svelte reads a bound select's `:checked` option; happy-dom needs it marked.
  if (el instanceof HTMLSelectElement) for (const o of el.options) o.selected = o.value === value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  flushSync();
}
function key(el: Element, k: string, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
  flushSync();
}

beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});

afterEach(() => {
  stop?.();
  stop = null;
  if (app) unmount(app);
  app = null;
  target.remove();
});

const toolbar = () => target.querySelector('[role="toolbar"][aria-label="Map tools"]');

describe('MapArea', () => {
  it('gives a GM every tool, the scenes panel and the token form', async () => {
    await render('gm', mapJson([sceneJson('s1')]));
    const names = buttons(toolbar()!);
    for (const n of ['Select and move', 'Freehand', 'Line', 'Rectangle', 'Ellipse', 'Polygon', 'Text', 'Erase', 'Ruler', 'Ping', 'Undo', 'Redo', 'Clear canvas', 'Reveal rectangle', 'Reveal polygon', 'Reveal brush', 'Hide rectangle', 'Hide polygon', 'Hide brush', 'Reset fog to fogged', 'Reset fog to clear']) {
      expect(names).toContain(n);
    }
    expect(target.querySelector('h3#map-scenes-h')?.textContent).toBe('Scenes');
    expect(buttons()).toContain('Add token');
    expect(target.querySelector('#map-summary')?.textContent).toContain('Scene Scene s1');
  });

  it('gives a player the drawing tools without the GM’s, and a spectator none', async () => {
    await render('player', mapJson([sceneJson('s1')]));
    const names = buttons(toolbar()!);
    expect(names).toContain('Freehand');
    expect(names).not.toContain('Clear canvas');
    expect(names).not.toContain('Hide brush');
    expect(buttons()).not.toContain('New scene');
    stop?.();
    if (app) unmount(app);
    target.innerHTML = '';
    await render('spectator', mapJson([sceneJson('s1')]));
    expect(toolbar()).toBeNull();
  });

  it('asks before clearing the canvas', async () => {
    await render('gm', mapJson([sceneJson('s1')]));
    button('Clear canvas').click();
    flushSync();
    expect(client.sent).toEqual([]);
    button('Yes, clear canvas').click();
    flushSync();
    expect(client.sent).toEqual([{ type: 'map.clear_canvas', payload: { sceneId: 's1' } }]);
  });

  it('creates a scene from the form', async () => {
    await render('gm', mapJson([]));
    button('New scene').click();
    flushSync();
    set(field('Scene name'), 'Cave');
    set(field('Grid'), 'hex');
    set(field('Cell size'), '50');
    set(field('Units per cell'), '10');
    button('Create scene').click();
    flushSync();
    const sent = client.sent.at(-1)!;
    expect(sent.type).toBe('map.create_scene');
    expect(sent.payload).toMatchObject({ name: 'Cave', grid: { kind: 'hex', cellSize: 50, offsetX: 0, offsetY: 0, unitsPerCell: 10 }, fogged: true });
    expect(buttons()).toContain('Show to players');
  });

  it('adds a token with owners and the fields of the form', async () => {
    await render('gm', mapJson([sceneJson('s1')]));
    set(field('Token name'), 'Vex');
    set(field('Size in cells'), '2');
    const bob = field('Bob');
    bob.checked = true;
    bob.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button('Add token').click();
    flushSync();
    const sent = client.sent.at(-1)!;
    expect(sent.type).toBe('map.create_token');
    const initial = sent.payload.initial as { kind: string }[];
    expect(initial).toContainEqual({ kind: 'name', name: 'Vex' });
    expect(initial).toContainEqual({ kind: 'size', width: 140, height: 140 });
    expect(initial).toContainEqual({ kind: 'owners', userIds: ['u2'] });
    expect(buttons(target.querySelector('ul[aria-labelledby="map-tokens-h"]')!)).toEqual(['Vex']);
  });

  it('lets a player select their token and move it one cell with the arrow keys, or turn it with R', async () => {
    await render('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { name: 'Vex', x: 70, y: 70, owners: ['u1'] }), tokenJson('t2', { name: 'Orc', owners: ['u2'] })] })]));
    const vex = button('Vex');
    vex.click();
    flushSync();
    expect(vex.getAttribute('aria-pressed')).toBe('true');
    key(vex, 'ArrowRight');
    expect(client.sent.at(-1)).toMatchObject({ type: 'map.edit_token', payload: { tokenId: 't1', changes: [{ kind: 'position', x: 140, y: 70 }] } });
    key(vex, 'ArrowUp', { shiftKey: true });
    expect(client.sent.at(-1)!.payload.changes).toEqual([{ kind: 'position', x: 140, y: 69 }]);
    key(vex, 'r');
    expect(client.sent.at(-1)!.payload.changes).toEqual([{ kind: 'rotation', degrees: 45 }]);
    key(vex, 'Escape');
    expect(vex.getAttribute('aria-pressed')).toBe('false');
    // Not theirs: nothing is sent.
    const count = client.sent.length;
    button('Orc').click();
    flushSync();
    key(button('Orc'), 'ArrowRight');
    expect(client.sent.length).toBe(count);
  });

  it('shows a refusal and the rolled-back position', async () => {
    await render('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { name: 'Vex', x: 70, owners: ['u1'] })] })]));
    button('Vex').click();
    flushSync();
    key(button('Vex'), 'ArrowRight');
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E012', message: 'Players move their tokens on their turn only; wait for yours.' });
    await settle();
    expect(target.querySelector('[role="alert"]')?.textContent).toBe('Not done: Players move their tokens on their turn only; wait for yours.');
    expect(model.map.scene?.tokens[0]?.x).toBe(70);
  });

  it('says so when there is no scene', async () => {
    await render('player', mapJson([], ''));
    expect(target.querySelector('#map-summary')?.textContent).toBe('The GM has not shown a scene yet.');
  });
});
