// The map's secrets story: a GM and a player, each in their own browser context, through the real
// UI. The GM makes a scene and shows it, gives the player a token, fogs a room holding a chest,
// adds a hidden assassin and writes a GM-only note; the player's page, and every WebSocket frame it
// received since before it first loaded, hold none of them until the GM reveals the assassin and
// the room (the note never). The player drags their own token and the GM sees it move. Two accounts
// (see the budget in support.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  RUN, assertAccessible, assertNoProblems, chatLog, connected, createCampaignAndSession, eventually, invite, launch,
  newPerson, recordWebSocketFrames, screenshot, signUp, storySteps,
} from './support.mjs';
import {
  addToken, chooseTool, createAndShowScene, dragMouse, dragOverBox, leaked, mapRegion, mapSummary, moveWithKeys,
  selectInList, stageToken, toClient, tokenNames,
} from './map-support.mjs';

const SCENE = `Crypt ${RUN}`;
const RANGER = `Ranger ${RUN}`;
const ASSASSIN = `Hidden Assassin ${RUN}`;
const CHEST = `Treasure Chest ${RUN}`;
const NOTE = `Trapdoor under the rug ${RUN}`;
const CELL = 70; // the default grid the scene is made with

let browser;
let gm, player; // people: { name, context, page, problems, username, displayName, frames }
let everyone;
let tablePath;
/** Ids and the room, learned from the GM's canvas and frames as the story goes. */
const ids = {};
let room; // the fogged room, in map coordinates

before(async () => {
  browser = await launch();
  const person = async (key, displayName) => {
    const p = Object.assign(await newPerson(browser, key), { username: `${key}_${RUN}`, displayName: `${displayName} ${RUN}` });
    // From before the first navigation: every frame this page ever receives.
    p.frames = recordWebSocketFrames(p.page);
    return p;
  };
  gm = await person('mapgm', 'Quill');
  player = await person('mapplayer', 'Sable');
  everyone = [gm, player];
});
after(async () => { await browser?.close(); });

const step = storySteps(test, () => everyone ?? []);

/** What the player must not have: names, ids and the note's text. */
const secrets = () => [ASSASSIN, CHEST, NOTE, ids.assassin, ids.chest, ids.note].filter(Boolean);

/** Fails naming whatever of `names` the player's page or frames hold. */
async function assertPlayerHasNone(names, when) {
  assert.deepEqual(leaked(player.frames.texts, names), [], `the player's WebSocket frames hold none of the secrets ${when}`);
  assert.deepEqual(leaked([await player.page.content()], names), [], `the player's page holds none of the secrets ${when}`);
}

/** A chat line from the GM that the player has seen: the one stream is in order, so every earlier map change has reached them too. */
async function barrier(label) {
  const text = `${label} ${RUN}`;
  const box = gm.page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await gm.page.getByRole('button', { name: 'Send', exact: true }).click();
  await eventually(async () => assert.ok((await chatLog(player.page).innerText()).includes(text), `the player saw "${text}"`));
}

step('a GM and a player sign up; the GM makes a table and invites the player', async () => {
  for (const p of everyone) await signUp(p.page, p);
  ({ tablePath } = await createCampaignAndSession(gm.page, { campaignName: `Map campaign ${RUN}`, sessionName: `Map night ${RUN}` }));
  await invite(gm.page, player, 'player');
  for (const p of everyone) {
    await p.page.goto(tablePath);
    await connected(p.page);
  }
  assert.ok(player.frames.sockets > 0 && player.frames.texts.length > 0, 'the player page\'s WebSocket frames are recorded');
  await eventually(async () => assert.equal(await mapSummary(player.page).innerText(), 'The GM has not shown a scene yet.'));
}, { setup: true });

step('the GM creates a scene in the Scenes panel and shows it; the player sees it, with player tools only', async () => {
  await createAndShowScene(gm.page, SCENE);
  await eventually(async () => assert.match(await mapSummary(player.page).innerText(), new RegExp(`^Scene ${SCENE} · square grid, 70 px cells of 5 units · 0 tokens · 0 drawings`)));
  const tools = mapRegion(player.page).getByRole('toolbar', { name: 'Map tools', exact: true });
  await tools.getByRole('button', { name: 'Select and move', exact: true }).waitFor();
  await tools.getByRole('button', { name: 'Freehand', exact: true }).waitFor();
  for (const gmOnly of ['Hide rectangle', 'Reveal rectangle', 'Reset fog to fogged', 'Clear canvas']) {
    assert.equal(await mapRegion(player.page).getByRole('button', { name: gmOnly, exact: true }).count(), 0, `a player has no "${gmOnly}"`);
  }
  assert.equal(await mapRegion(player.page).getByRole('heading', { name: 'Scenes', exact: true }).count(), 0, 'a player has no Scenes panel');
  assert.equal(await mapRegion(player.page).getByRole('form', { name: 'New token', exact: true }).count(), 0, 'a player has no token form');
}, { setup: true });

step('the GM gives the player a token and moves it with the keys; the player sees it in the Tokens list', async () => {
  const ranger = await addToken(gm.page, { name: RANGER, owner: player.displayName });
  ids.ranger = ranger.id;
  // New tokens land in the middle of the GM's view: that cell becomes the room; the ranger steps out of it.
  room = { minX: ranger.x - CELL, minY: ranger.y - CELL, maxX: ranger.x + 2 * CELL, maxY: ranger.y + 2 * CELL };
  const moved = await moveWithKeys(gm.page, RANGER, 'ArrowLeft', 3);
  assert.deepEqual([moved.x, moved.y], [ranger.x - 3 * CELL, ranger.y], 'three presses of ArrowLeft move the token three cells left');
  await eventually(async () => assert.deepEqual(await tokenNames(player.page), [RANGER]));
  const ours = await stageToken(player.page, RANGER);
  assert.deepEqual([ours.x, ours.y], [moved.x, moved.y], 'the player\'s canvas has the ranger where the GM put it');
  await eventually(async () => assert.match(await mapSummary(player.page).innerText(), /· 1 token · 0 drawings/));
}, { setup: true });

step('the GM fogs a room with a chest in it, hides an assassin and writes a GM-only note; the player gets none of them', async () => {
  const { page } = gm;
  await chooseTool(page, 'Hide rectangle');
  await dragOverBox(page, room);
  await eventually(async () => assert.match(await mapSummary(player.page).innerText(), /some fog/, 'the fog itself is public'));
  await chooseTool(page, 'Select and move');

  const chest = await addToken(page, { name: CHEST });
  ids.chest = chest.id;
  const centre = { x: chest.x + chest.width / 2, y: chest.y + chest.height / 2 };
  assert.ok(centre.x > room.minX && centre.x < room.maxX && centre.y > room.minY && centre.y < room.maxY,
    `the chest (centre ${JSON.stringify(centre)}) is in the fogged room ${JSON.stringify(room)}`);

  await addToken(page, { name: ASSASSIN, hidden: true });
  // Out of the room: the assassin is kept from the player by being hidden, not by the fog.
  const assassin = await moveWithKeys(page, ASSASSIN, 'ArrowRight', 3);
  ids.assassin = assassin.id;
  assert.ok(assassin.x >= room.maxX, 'the assassin stands outside the fog');
  await mapRegion(page).getByRole('button', { name: 'Deselect', exact: true }).click();

  await chooseTool(page, 'Text');
  await mapRegion(page).getByRole('combobox', { name: 'Draw on layer', exact: true }).selectOption({ label: 'GM only' });
  await mapRegion(page).getByLabel('Text to place', { exact: true }).fill(NOTE);
  const at = await toClient(page, room.minX - 3 * CELL, room.maxY + CELL);
  await page.mouse.click(at.x, at.y);
  ids.note = await eventually(() => {
    const added = gm.frames.texts.map((t) => JSON.parse(t)).flatMap((f) => (f.type === 'map.changed' ? f.payload.changes : []))
      .find((c) => c.type === 'drawing_added' && c.drawing.shape.text === NOTE);
    assert.ok(added, 'the GM\'s page received its note back as a map.changed frame');
    assert.equal(added.drawing.layer, 'gm');
    return added.drawing.id;
  });
  await mapRegion(page).getByRole('combobox', { name: 'Draw on layer', exact: true }).selectOption({ label: 'Drawings' });
  await chooseTool(page, 'Select and move');
  await eventually(async () => assert.match(await mapSummary(page).innerText(), /· 3 tokens · 1 drawing/, 'the GM sees all three tokens and the note'));

  await barrier('(after the secrets)');
  assert.deepEqual(await tokenNames(player.page), [RANGER], 'the player\'s Tokens list shows their token only');
  assert.match(await mapSummary(player.page).innerText(), /· 1 token · 0 drawings · some fog/);
  assert.ok(leaked(player.frames.texts, [RANGER, ids.ranger]).length === 2, 'the frames that are recorded do carry what the player may see');
  await assertPlayerHasNone(secrets(), 'while they are hidden');
  await screenshot(gm.page, 'map-gm');
  await screenshot(player.page, 'map-player');
}, { setup: true });

step('the player drags their own token on the canvas and the GM sees it at its new place', async () => {
  const mine = await stageToken(player.page, RANGER);
  const from = { x: mine.client.x + mine.client.width / 2, y: mine.client.y + mine.client.height / 2 };
  const cellOnScreen = mine.client.width / (mine.width / CELL);
  await dragMouse(player.page, from, { x: from.x, y: from.y + 2 * cellOnScreen }, { steps: 12 });
  const moved = await eventually(async () => {
    const seen = await stageToken(gm.page, RANGER);
    assert.deepEqual([seen.x, seen.y], [mine.x, mine.y + 2 * CELL], 'the GM\'s canvas shows the ranger two cells lower');
    return seen;
  });
  const ours = await stageToken(player.page, RANGER);
  assert.deepEqual([ours.x, ours.y], [moved.x, moved.y], 'the player\'s canvas agrees (the move was not rolled back)');
  assert.equal(await mapRegion(player.page).getByRole('alert').count(), 0, 'nothing was refused');
});

step('the player cannot move their token into the fog: the server refuses, the moves roll back, both canvases agree', async () => {
  const start = await stageToken(player.page, RANGER);
  await selectInList(player.page, RANGER);
  // One row up, then three cells right, quickly: the second and third presses step into the room.
  // Each press is its own optimistic move; both refusals must leave the token where the server has it.
  for (const key of ['ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await player.page.keyboard.press(key);
  await eventually(async () => assert.match(await mapRegion(player.page).getByRole('alert').innerText(), /^Not done: /));
  const outside = { x: start.x + CELL, y: start.y - CELL };
  for (const p of [gm, player]) {
    await eventually(async () => {
      const seen = await stageToken(p.page, RANGER);
      assert.deepEqual([seen.x, seen.y], [outside.x, outside.y], `${p.name}'s canvas has the ranger on the last cell outside the room`);
    });
  }
  await player.page.keyboard.press('Escape');
});

step('the GM reveals the assassin with the token form; the player sees it (list and frames), still not the chest', async () => {
  const { page } = gm;
  await selectInList(page, ASSASSIN);
  const form = mapRegion(page).getByRole('form', { name: 'Edit token', exact: true });
  await form.getByLabel('Hidden from players', { exact: true }).uncheck();
  await form.getByRole('button', { name: 'Save token', exact: true }).click();
  await eventually(async () => assert.deepEqual((await tokenNames(player.page)).sort(), [ASSASSIN, RANGER].sort()));
  assert.deepEqual(leaked(player.frames.texts, [ASSASSIN, ids.assassin]), [ASSASSIN, ids.assassin], 'the assassin reached the player in a frame');
  await mapRegion(page).getByRole('button', { name: 'Deselect', exact: true }).click();
  await barrier('(after the assassin)');
  await assertPlayerHasNone([CHEST, ids.chest, NOTE, ids.note], 'while the room is fogged');
});

step('the GM reveals the room with Reveal rectangle; the player sees the chest, and never the GM-only note', async () => {
  const { page } = gm;
  await chooseTool(page, 'Reveal rectangle');
  await dragOverBox(page, room);
  await chooseTool(page, 'Select and move');
  await eventually(async () => assert.deepEqual((await tokenNames(player.page)).sort(), [ASSASSIN, CHEST, RANGER].sort()));
  assert.deepEqual(leaked(player.frames.texts, [CHEST, ids.chest]), [CHEST, ids.chest], 'the chest reached the player in a frame');
  const chest = await stageToken(player.page, CHEST);
  assert.equal(chest.id, ids.chest);
  await barrier('(after the reveal)');
  assert.match(await mapSummary(player.page).innerText(), /· 3 tokens · 0 drawings/);
  await assertPlayerHasNone([NOTE, ids.note], 'at the end');
  await screenshot(player.page, 'map-player-revealed');
});

step('the map passes axe for the GM and the player', async () => {
  await assertAccessible(gm.page, 'the table with a map (GM)');
  await assertAccessible(player.page, 'the table with a map (player)');
});

step('no page of the map story met a CSP violation or an uncaught error', async () => {
  assertNoProblems(...everyone);
});
