import { describe, expect, it } from 'vitest';
import { FakeTableClient, settle, welcomeFrame } from '../test-client';
import { MapModel, type MapClient } from './map-model.svelte';
import { foldFrame } from './fold';
import { mapViewOf, type MapView } from './map-view';
import { changed, drawingJson, mapJson, sceneJson, stamp, tokenJson } from './test-map';
import { encounterOf } from '../combat/encounter';

/** Ada (u1) at the table as `role`, holding the welcome's map. */
function setup(role: string, map: unknown = mapJson([sceneJson('s1')]), encounter: unknown = null) {
  const client = new FakeTableClient();
  let clock = 1_000;
  const model = new MapModel(client as unknown as MapClient, { userId: 'u1', displayName: 'Ada' }, () => encounterOf(encounter), () => clock);
  const stop = model.start();
  client.emit(welcomeFrame(role, { view: { seated: [], map } }));
  return { client, model, stop, tick: (ms: number) => (clock += ms) };
}

const scene = (m: MapModel, id = 's1') => m.view.scenes.find((s) => s.settings.id === id)!;
const token = (m: MapModel, id: string) => scene(m).tokens.find((t) => t.id === id);

describe('MapModel: the view', () => {
  it('takes the map from the welcome', () => {
    const { model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70 })] })]));
    expect(model.scene?.settings.name).toBe('Scene s1');
    expect(token(model, 't1')?.x).toBe(70);
  });

  it('asks map.view when the welcome has none, and folds frames that came meanwhile after it', async () => {
    const client = new FakeTableClient();
    let answer: (v: unknown) => void = () => undefined;
    client.answers.set('map.view', () => new Promise((r) => (answer = r)));
    const model = new MapModel(client as unknown as MapClient, { userId: 'u1', displayName: 'Ada' });
    model.start();
    client.emit(welcomeFrame('gm'));
    expect(client.requests.map((r) => r.method)).toContain('map.view');
    client.emit(changed(7, 'g1', { type: 'token_created', sceneId: 's1', token: tokenJson('old') })); // in the answer already
    client.emit(changed(9, 'g1', { type: 'token_created', sceneId: 's1', token: tokenJson('new') }));
    answer({ map: mapJson([sceneJson('s1', { tokens: [tokenJson('old')] })]), seq: 8 });
    await settle();
    expect(scene(model).tokens.map((t) => t.id)).toEqual(['old', 'new']);
  });

  it('folds scene changes: create, update, activate, delete, the move rule', () => {
    const { client, model } = setup('gm');
    client.emit(
      changed(
        6,
        'g1',
        { type: 'scene_created', settings: { id: 's2', name: 'Cave', grid: { kind: 'hex', cellSize: 50, offsetX: 0, offsetY: 0, unitsPerCell: 10 } }, fogged: true },
        { type: 'scene_activated', sceneId: 's2' },
        { type: 'move_rule_set', onTurnOnly: true },
      ),
    );
    expect(model.view.activeSceneId).toBe('s2');
    expect(model.view.movesOnTurnOnly).toBe(true);
    expect(scene(model, 's2').fog).toEqual({ fogged: true, ops: [] });
    expect(scene(model, 's2').settings.grid.kind).toBe('hex');
    client.emit(changed(7, 'g1', { type: 'scene_updated', settings: { id: 's2', name: 'Deep cave', grid: { kind: 'square' } } }));
    expect(scene(model, 's2').settings.name).toBe('Deep cave');
    client.emit(changed(8, 'g1', { type: 'scene_deleted', sceneId: 's2' }));
    expect(model.view.scenes.map((s) => s.settings.id)).toEqual(['s1']);
    expect(model.view.activeSceneId).toBeUndefined();
  });

  it('folds tokens, drawings and fog, each change in order', () => {
    const { client, model } = setup('gm');
    client.emit(
      changed(
        6,
        'g1',
        { type: 'token_created', sceneId: 's1', token: tokenJson('t1') },
        { type: 'token_edited', sceneId: 's1', tokenId: 't1', changes: [{ kind: 'position', x: 140, y: 70 }, { kind: 'name', name: 'Vex' }], stamp: stamp(5) },
        { type: 'drawing_added', sceneId: 's1', drawing: drawingJson('d1') },
        { type: 'drawing_added', sceneId: 's1', drawing: drawingJson('d2') },
        { type: 'drawing_erased', sceneId: 's1', drawingId: 'd1', userId: 'u1' },
        { type: 'fog_changed', sceneId: 's1', op: { mode: 'hide', area: { kind: 'rect', x: 0, y: 0, width: 10, height: 10 } } },
      ),
    );
    expect(token(model, 't1')).toMatchObject({ x: 140, y: 70, name: 'Vex' });
    expect(scene(model).drawings.map((d) => d.id)).toEqual(['d2']);
    expect(scene(model).fog.ops).toHaveLength(1);
    client.emit(changed(7, 'g1', { type: 'token_deleted', sceneId: 's1', tokenId: 't1' }, { type: 'fog_reset', sceneId: 's1', fogged: true }));
    expect(scene(model).tokens).toEqual([]);
    expect(scene(model).fog).toEqual({ fogged: true, ops: [] });
  });

  it('replaces a player’s scene on scene_shown, and adds and removes objects as they come into view', () => {
    const { client, model } = setup('player');
    client.emit(changed(6, 'g1', { type: 'scene_shown', scene: sceneJson('s9', { tokens: [tokenJson('a')] }) }));
    expect(model.view.activeSceneId).toBe('s9');
    expect(model.view.scenes.map((s) => s.settings.id)).toEqual(['s9']);
    expect(model.scene?.settings.id).toBe('s9');
    client.emit(
      changed(
        7,
        'g1',
        { type: 'fog_changed', sceneId: 's9', op: { mode: 'reveal', area: { kind: 'rect', x: 0, y: 0, width: 500, height: 500 } } },
        { type: 'objects_hidden', sceneId: 's9', tokenIds: ['a'], drawingIds: [] },
        { type: 'objects_shown', sceneId: 's9', tokens: [tokenJson('b')], drawings: [drawingJson('d1', 'g1')] },
      ),
    );
    expect(model.scene?.tokens.map((t) => t.id)).toEqual(['b']);
    expect(model.scene?.drawings.map((d) => d.id)).toEqual(['d1']);
  });

  it('ignores what it does not know and repeats without harm', () => {
    const { client, model } = setup('gm');
    const frame = changed(6, 'g1', { type: 'token_created', sceneId: 's1', token: tokenJson('t1') }, { type: 'new_thing', x: 1 });
    client.emit(frame);
    client.emit({ ...frame, seq: 7, id: 'ev:7' });
    expect(scene(model).tokens).toHaveLength(1);
  });

  it('asks the map again when its own role changes', () => {
    const { client, model } = setup('player');
    client.emit({ type: 'presence_update', payload: { users: [{ userId: 'u1', displayName: 'Ada', role: 'gm', status: 'active' }] } });
    expect(model.role).toBe('gm');
    expect(client.requests.map((r) => r.method)).toContain('map.view');
  });
});

describe('token merge (last writer wins by stamp)', () => {
  const base = mapViewOf(mapJson([sceneJson('s1', { tokens: [tokenJson('t', {}, stamp(1))] })]));
  const edits = [
    { type: 'token_edited', sceneId: 's1', tokenId: 't', changes: [{ kind: 'position', x: 10, y: 10 }], stamp: stamp(5, 0, 'a') },
    { type: 'token_edited', sceneId: 's1', tokenId: 't', changes: [{ kind: 'position', x: 20, y: 20 }, { kind: 'rotation', degrees: 90 }], stamp: stamp(5, 1, 'b') },
    { type: 'token_edited', sceneId: 's1', tokenId: 't', changes: [{ kind: 'rotation', degrees: 405 }], stamp: stamp(4, 9, 'c') },
    { type: 'token_edited', sceneId: 's1', tokenId: 't', changes: [{ kind: 'name', name: 'Z' }], stamp: stamp(5, 1, 'a') },
    { type: 'token_edited', sceneId: 's1', tokenId: 't', changes: [{ kind: 'name', name: 'Y' }], stamp: stamp(5, 1, 'ab') },
  ];
  const permutations = <T,>(xs: T[]): T[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

  it('ends the same whatever order the edits arrive in', () => {
    const results = permutations(edits).map((order) => {
      let v: MapView = base;
      for (const e of order) v = foldFrame(v, { userId: 'x', changes: [e] }, 'u1');
      return v.scenes[0]!.tokens[0]!;
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ x: 20, y: 20, rotation: 90, name: 'Y' });
    expect(results[0]!.stamps.name).toEqual(stamp(5, 1, 'ab'));
  });

  it('keeps a property whose stamp is later than an edit’s', () => {
    const v = foldFrame(base, { userId: 'x', changes: [edits[1], edits[2]] }, 'u1');
    expect(v.scenes[0]!.tokens[0]!.rotation).toBe(90);
  });
});

describe('MapModel: optimistic edits', () => {
  it('moves a token at once with a stamp after every stamp seen, and keeps it on the ack', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { owners: ['u1'] }, stamp(5_000, 3))] })]));
    model.moveToken('s1', 't1', 140, 70);
    expect(token(model, 't1')).toMatchObject({ x: 140, y: 70 });
    const sent = client.sent.at(-1)!;
    expect(sent.type).toBe('map.edit_token');
    expect(sent.payload).toMatchObject({ sceneId: 's1', tokenId: 't1', changes: [{ kind: 'position', x: 140, y: 70 }] });
    expect(sent.payload.stamp).toEqual({ wallMillis: 5_000, counter: 4, node: 'u1' });
    client.acks.get(client.submitted.at(-1)!.id)!.resolve({ seq: 9, events: 1 });
    await settle();
    // The event that confirms it changes nothing.
    client.emit(changed(9, 'u1', { type: 'token_edited', sceneId: 's1', tokenId: 't1', changes: [{ kind: 'position', x: 140, y: 70 }], stamp: sent.payload.stamp as object }));
    expect(token(model, 't1')).toMatchObject({ x: 140, y: 70 });
    expect(model.alert).toBe('');
  });

  it('rolls a refused move back and shows why', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70, owners: ['u1'] })] })]));
    model.moveToken('s1', 't1', 280, 0);
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E012', message: 'That place is under fog; a token moves only where the party can see.' });
    await settle();
    expect(token(model, 't1')?.x).toBe(70);
    expect(model.alert).toBe('Not done: That place is under fog; a token moves only where the party can see.');
  });

  it('does not roll back over a later edit of the same property', async () => {
    const { client, model } = setup('gm', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70 })] })]));
    model.moveToken('s1', 't1', 280, 0);
    const id = client.submitted.at(-1)!.id;
    client.emit(changed(6, 'u2', { type: 'token_edited', sceneId: 's1', tokenId: 't1', changes: [{ kind: 'position', x: 350, y: 0 }], stamp: stamp(999_999) }));
    client.acks.get(id)!.reject({ code: 'E011', message: 'You may move only your own tokens.' });
    await settle();
    expect(token(model, 't1')?.x).toBe(350);
  });

  it('ends where the server has the token when two moves in a row are refused (walked into fog key by key)', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70, owners: ['u1'] })] })]));
    model.moveToken('s1', 't1', 140, 0);
    const first = client.submitted.at(-1)!.id;
    model.moveToken('s1', 't1', 210, 0);
    const second = client.submitted.at(-1)!.id;
    const fog = { code: 'E011', message: 'That place is under fog.' };
    client.acks.get(first)!.reject(fog);
    await settle();
    expect(token(model, 't1')?.x).toBe(210); // the later move still waits
    client.acks.get(second)!.reject(fog);
    await settle();
    expect(token(model, 't1')?.x).toBe(70);
  });

  it('rolls a refused move back to an earlier move of ours that was accepted', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70, owners: ['u1'] })] })]));
    model.moveToken('s1', 't1', 140, 0);
    const first = client.submitted.at(-1)!.id;
    model.moveToken('s1', 't1', 210, 0);
    const second = client.submitted.at(-1)!.id;
    client.acks.get(first)!.resolve({ seq: 7, events: 1 });
    await settle();
    client.acks.get(second)!.reject({ code: 'E011', message: 'That place is under fog.' });
    await settle();
    expect(token(model, 't1')?.x).toBe(140);
  });

  it('keeps a later accepted move when an earlier one is refused after it', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { x: 70, owners: ['u1'] })] })]));
    model.moveToken('s1', 't1', 140, 0);
    const first = client.submitted.at(-1)!.id;
    model.moveToken('s1', 't1', 210, 0);
    const second = client.submitted.at(-1)!.id;
    client.acks.get(second)!.resolve({ seq: 7, events: 1 });
    await settle();
    client.acks.get(first)!.reject({ code: 'E011', message: 'Not now.' });
    await settle();
    expect(token(model, 't1')?.x).toBe(210);
  });

  it('creates and deletes tokens at once, undoing them on a refusal', async () => {
    const { client, model } = setup('gm');
    const id = model.createToken('s1', [{ kind: 'name', name: 'Goblin' }, { kind: 'position', x: 70, y: 70 }])!;
    expect(token(model, id)).toMatchObject({ name: 'Goblin', x: 70, width: 70, layer: 'tokens' });
    expect(client.sent.at(-1)).toMatchObject({ type: 'map.create_token', payload: { sceneId: 's1', tokenId: id } });
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E012', message: 'Scene s1 holds 1000 tokens, the most it may; delete some first.' });
    await settle();
    expect(token(model, id)).toBeUndefined();
    expect(model.alert).toContain('1000 tokens');

    client.emit(changed(6, 'g1', { type: 'token_created', sceneId: 's1', token: tokenJson('a') }, { type: 'token_created', sceneId: 's1', token: tokenJson('b') }));
    model.deleteToken('s1', 'a');
    expect(scene(model).tokens.map((t) => t.id)).toEqual(['b']);
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E006', message: 'There is no token a on this scene.' });
    await settle();
    expect(scene(model).tokens.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('draws at once, keeps one copy when the event comes, and counts what it may undo', async () => {
    const { client, model } = setup('player');
    expect(model.canUndo).toBe(false);
    const id = model.draw('s1', 'drawings', { kind: 'rect', x: 0, y: 0, width: 10, height: 10 }, { colour: '#123456', stroke: 2 });
    expect(scene(model).drawings.map((d) => d.id)).toEqual([id]);
    client.emit(changed(6, 'u1', { type: 'drawing_added', sceneId: 's1', drawing: drawingJson(id) }));
    expect(scene(model).drawings).toHaveLength(1);
    client.acks.get(client.submitted.at(-1)!.id)!.resolve({ seq: 6, events: 1 });
    await settle();
    expect(model.canUndo).toBe(true);
    model.undo('s1');
    expect(client.sent.at(-1)).toEqual({ type: 'map.undo_drawing', payload: { sceneId: 's1' } });
    client.acks.get(client.submitted.at(-1)!.id)!.resolve({ seq: 7, events: 1 });
    await settle();
    expect(model.canUndo).toBe(false);
    expect(model.canRedo).toBe(true);
  });

  it('puts an erased drawing back in its place when the erase is refused', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { drawings: [drawingJson('a'), drawingJson('b'), drawingJson('c')] })]));
    model.erase('s1', 'b');
    expect(scene(model).drawings.map((d) => d.id)).toEqual(['a', 'c']);
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E011', message: 'You may erase only your own drawings.' });
    await settle();
    expect(scene(model).drawings.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(model.alert).toBe('Not done: You may erase only your own drawings.');
  });

  it('trusts the view’s canUndo until the server says there is nothing left', async () => {
    const { client, model } = setup('player', mapJson([sceneJson('s1', { canUndo: true })]));
    expect(model.canUndo).toBe(true);
    model.undo('s1');
    client.acks.get(client.submitted.at(-1)!.id)!.resolve({ seq: 6, events: 1 });
    await settle();
    expect(model.canUndo).toBe(true);
    model.undo('s1');
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E012', message: 'There is nothing to undo.' });
    await settle();
    expect(model.canUndo).toBe(false);
  });

  it('clears the canvas’s drawings layer at once, and puts it back on a refusal', async () => {
    const { client, model } = setup('gm', mapJson([sceneJson('s1', { drawings: [drawingJson('a'), drawingJson('m', 'g1', { layer: 'map' }), drawingJson('b')] })]));
    model.clearCanvas('s1');
    expect(scene(model).drawings.map((d) => d.id)).toEqual(['m']);
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E009', message: '' });
    await settle();
    expect(scene(model).drawings.map((d) => d.id)).toEqual(['a', 'm', 'b']);
  });

  it('applies a fog op at once and replaces it by its event, not doubling it', () => {
    const { client, model } = setup('gm');
    const area = { kind: 'rect' as const, x: 0, y: 0, width: 100, height: 100 };
    model.changeFog('s1', 'hide', area);
    expect(client.sent.at(-1)).toEqual({ type: 'map.change_fog', payload: { sceneId: 's1', mode: 'hide', area } });
    expect(model.fogged(50, 50)).toBe(true);
    client.emit(changed(6, 'u1', { type: 'fog_changed', sceneId: 's1', op: { mode: 'hide', area } }));
    expect(scene(model).fog.ops).toEqual([{ mode: 'hide', area }]);
  });

  it('takes a refused fog op out', async () => {
    const { client, model } = setup('gm');
    model.changeFog('s1', 'hide', { kind: 'rect', x: 0, y: 0, width: 100, height: 100 });
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E012', message: 'Scene s1 has 1000 fog operations.' });
    await settle();
    expect(scene(model).fog.ops).toEqual([]);
    expect(model.fogged(50, 50)).toBe(false);
  });

  it('resets the fog, and restores it on a refusal', async () => {
    const { client, model } = setup('gm', mapJson([sceneJson('s1', { fog: { fogged: true, ops: [{ mode: 'reveal', area: { kind: 'rect', x: 0, y: 0, width: 9, height: 9 } }] } })]));
    model.resetFog('s1', false);
    expect(scene(model).fog).toEqual({ fogged: false, ops: [] });
    client.acks.get(client.submitted.at(-1)!.id)!.reject({ code: 'E011', message: 'Only a GM manages the fog.' });
    await settle();
    expect(scene(model).fog.fogged).toBe(true);
    expect(scene(model).fog.ops).toHaveLength(1);
  });

  it('manages scenes at once: create, update, activate, delete, each undone on a refusal', async () => {
    const { client, model } = setup('gm');
    const grid = { kind: 'hex' as const, cellSize: 50, offsetX: 1, offsetY: 2, unitsPerCell: 10 };
    const id = model.createScene({ name: ' Cave ', grid, fogged: true });
    expect(client.sent.at(-1)).toEqual({ type: 'map.create_scene', payload: { sceneId: id, name: 'Cave', grid, fogged: true } });
    expect(model.scene?.settings.id).toBe(id); // the GM looks at what they made
    expect(scene(model, id).fog.fogged).toBe(true);
    const last = () => client.acks.get(client.submitted.at(-1)!.id)!;
    last().resolve({ seq: 6, events: 1 });

    model.updateScene(id, { name: 'Deep cave', grid, background: { hash: 'sha256-ab', width: 800, height: 600 } });
    expect(scene(model, id).settings).toMatchObject({ name: 'Deep cave', background: { hash: 'sha256-ab' } });
    last().reject({ code: 'E007', message: 'A name is 1-100 characters without control characters.' });
    await settle();
    expect(scene(model, id).settings.name).toBe('Cave');

    model.activateScene(id);
    expect(model.view.activeSceneId).toBe(id);
    last().reject({ code: 'E006', message: 'There is no scene.' });
    await settle();
    expect(model.view.activeSceneId).toBe('s1');

    model.deleteScene('s1');
    expect(model.view.scenes.map((s) => s.settings.id)).toEqual([id]);
    last().reject({ code: 'E009', message: '' });
    await settle();
    expect(model.view.scenes.map((s) => s.settings.id)).toEqual(['s1', id]);
    expect(model.view.activeSceneId).toBe('s1');

    model.setMoveRule(true);
    expect(model.view.movesOnTurnOnly).toBe(true);
    expect(client.sent.at(-1)).toEqual({ type: 'map.set_move_rule', payload: { onTurnOnly: true } });
  });

  it('rotates by 45° steps, kept within 0-360', () => {
    const { client, model } = setup('gm', mapJson([sceneJson('s1', { tokens: [tokenJson('t1', { rotation: 315 })] })]));
    model.rotateToken('s1', 't1', 45);
    expect(token(model, 't1')?.rotation).toBe(0);
    expect(client.sent.at(-1)!.payload.changes).toEqual([{ kind: 'rotation', degrees: 0 }]);
  });
});

describe('MapModel: who may move a token', () => {
  const tokens = [tokenJson('mine', { owners: ['u1'] }), tokenJson('locked', { owners: ['u1'], locked: true }), tokenJson('theirs', { owners: ['u2'] })];

  it('lets a player move an unlocked token they own; a GM any; a spectator none', () => {
    for (const [role, expected] of [
      ['player', [true, false, false]],
      ['gm', [true, true, true]],
      ['spectator', [false, false, false]],
    ] as const) {
      const { model } = setup(role, mapJson([sceneJson('s1', { tokens })]));
      expect(model.scene!.tokens.map((t) => model.mayMove(t))).toEqual(expected);
    }
  });

  it('lets a player move only on their turn when the GM says so', () => {
    const encounter = { active: true, round: 1, current: 'c1', order: [{ id: 'c1', name: 'Vex', kind: 'pc', ownerUserId: 'u1', members: [] }], delaying: [] };
    const onTurn = setup('player', mapJson([sceneJson('s1', { tokens })], 's1', { movesOnTurnOnly: true }), encounter);
    expect(onTurn.model.mayMove(onTurn.model.scene!.tokens[0]!)).toBe(true);
    const offTurn = setup('player', mapJson([sceneJson('s1', { tokens })], 's1', { movesOnTurnOnly: true }), { ...encounter, current: 'c2' });
    expect(offTurn.model.mayMove(offTurn.model.scene!.tokens[0]!)).toBe(false);
  });
});
