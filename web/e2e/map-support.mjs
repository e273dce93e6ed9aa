// What the map's browser tests share: the Map region and its controls by accessible name (web/README.md,
// "The live table's accessible names"), and the canvas's test hook `window.__hearthMapStats`, which
// tells where each token is on the map and on the page (the canvas has no DOM to find them by).
import assert from 'node:assert/strict';
import { eventually } from './support.mjs';

export const mapRegion = (page) => page.getByRole('region', { name: 'Map', exact: true });
export const mapSummary = (page) => page.locator('#map-summary');
const button = (scope, name) => scope.getByRole('button', { name, exact: true });

/** The names in the Tokens list, top to bottom ([] when the scene has none). */
export async function tokenNames(page) {
  const list = mapRegion(page).getByRole('list', { name: 'Tokens', exact: true });
  if ((await list.count()) === 0) return [];
  return list.getByRole('button').allInnerTexts();
}

/**
 * Scrolls the page so the whole canvas is on screen, where the mouse can reach it (the mouse does
 * not scroll), and leaves it be when it already is.
 */
export async function canvasInView(page) {
  await page.getByRole('region', { name: 'Map canvas', exact: true }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'center' });
  });
}

/**
 * The tokens the canvas holds: `{id, name, x, y, width, height, client: {x, y, width, height}}` each,
 * `client` in the page's client pixels with the canvas scrolled into view.
 */
export async function stageTokens(page) {
  await canvasInView(page);
  return page.evaluate(() => window.__hearthMapStats?.tokens() ?? []);
}

/** The token called `name` on the canvas, once it is there. */
export async function stageToken(page, name) {
  return eventually(async () => {
    const found = (await stageTokens(page)).filter((t) => t.name === name);
    assert.equal(found.length, 1, `one token called ${name} on the canvas of ${page.url()}`);
    return found[0];
  });
}

/** A map point in the page's client pixels (the canvas scrolled into view), where the mouse must go to touch it. */
export async function toClient(page, x, y) {
  await canvasInView(page);
  return page.evaluate(([px, py]) => window.__hearthMapStats.toClient(px, py), [x, y]);
}

/** Presses a tool button of the toolbar "Map tools". */
export async function chooseTool(page, name) {
  const toolbar = mapRegion(page).getByRole('toolbar', { name: 'Map tools', exact: true });
  await button(toolbar, name).click();
  await eventually(async () => assert.equal(await button(toolbar, name).getAttribute('aria-pressed'), 'true'));
}

/** Drags the mouse from one client point to another in `steps` moves, button held. */
export async function dragMouse(page, from, to, { steps = 10 } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Drags over a box of the map (map coordinates), e.g. with a fog rectangle tool. */
export async function dragOverBox(page, box) {
  const from = await toClient(page, box.minX, box.minY);
  const to = await toClient(page, box.maxX, box.maxY);
  await dragMouse(page, from, to);
}

/** The GM creates a scene in the Scenes panel (not fogged unless asked) and shows it to players. */
export async function createAndShowScene(page, name, { fogged = false } = {}) {
  const map = mapRegion(page);
  await button(map, 'New scene').click();
  const form = map.getByRole('form', { name: 'New scene', exact: true });
  await form.getByLabel('Scene name', { exact: true }).fill(name);
  const fog = form.getByLabel('Start fogged', { exact: true });
  if ((await fog.isChecked()) !== fogged) await fog.click();
  await button(form, 'Create scene').click();
  const sceneButton = map.getByRole('list', { name: 'Scene list', exact: true }).getByRole('button', { name, exact: true });
  await eventually(async () => assert.equal(await sceneButton.getAttribute('aria-pressed'), 'true', `${name} is the scene the GM looks at`));
  await button(map, 'Show to players').click();
  await eventually(async () => assert.equal(await button(map, 'Show to players').isDisabled(), true, `${name} is shown to players`));
  await map.getByText('Shown to players', { exact: true }).waitFor();
}

/**
 * The GM adds a token through the "New token" form (it lands in the middle of the view, as the
 * app places it), then deselects it; answers the token as the GM's canvas holds it.
 */
export async function addToken(page, { name, owner, hidden = false }) {
  const map = mapRegion(page);
  // With a token selected the form edits it: let go first.
  if (await button(map, 'Deselect').count()) await button(map, 'Deselect').click();
  const form = map.getByRole('form', { name: 'New token', exact: true });
  await form.getByLabel('Token name', { exact: true }).fill(name);
  if (owner) await form.getByRole('group', { name: 'Owners', exact: true }).getByLabel(owner, { exact: true }).check();
  const box = form.getByLabel('Hidden from players', { exact: true });
  if ((await box.isChecked()) !== hidden) await box.click();
  await button(form, 'Add token').click();
  // The new token is selected: its form says so. Let go, so the next "New token" form is blank.
  await map.getByRole('heading', { name: `Token: ${name}`, exact: true }).waitFor();
  const token = await stageToken(page, name);
  await button(map, 'Deselect').click();
  await map.getByRole('heading', { name: 'New token', exact: true }).waitFor();
  return token;
}

/** Selects the token called `name` with its button in the Tokens list (focus stays on it, for the arrow keys). */
export async function selectInList(page, name) {
  const item = mapRegion(page).getByRole('list', { name: 'Tokens', exact: true }).getByRole('button', { name, exact: true });
  if ((await item.getAttribute('aria-pressed')) !== 'true') await item.click();
  await eventually(async () => assert.equal(await item.getAttribute('aria-pressed'), 'true', `${name} is selected`));
  await item.focus();
}

/** Moves the selected token (its list button focused) with the arrow keys, one cell a press. */
export async function moveWithKeys(page, name, key, times) {
  const before = await stageToken(page, name);
  await selectInList(page, name);
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  return eventually(async () => {
    const after = await stageToken(page, name);
    assert.notDeepEqual([after.x, after.y], [before.x, before.y], `${name} moved`);
    return after;
  });
}

/** Which of `secrets` occur in any of `texts` (frames, or a page's HTML). */
export function leaked(texts, secrets) {
  return secrets.filter((s) => texts.some((t) => t.includes(s)));
}
