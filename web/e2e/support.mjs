// What every browser test needs: the browser, one context per person, the pages' contract
// (accessible names, see web/README.md "Browser tests"), and the checks that run on every page
// (no CSP violation, no uncaught error, axe-core's serious and critical rules).
//
// Runs with node:test against a started Hearth: HEARTH_URL (e.g. http://127.0.0.1:8080),
// CHROMIUM_PATH (Debian's /usr/bin/chromium; playwright-core never downloads a browser),
// E2E_ARTIFACTS (where screenshots go). e2e/ (the Maven module) sets all three.
//
// Budget: the server allows `auth.registrations-per-ip` registrations per IP address (5 by default)
// before it makes the next one wait, and every browser here is 127.0.0.1. BrowserSuiteTest raises
// the limit to 20 for the suite, which signs up 8 accounts: one in pages.test.mjs, four in
// table.test.mjs, two in map.test.mjs, one in map-performance.test.mjs. A new file's accounts must
// fit in what is left; against a server you started yourself, raise the limit the same way
// (`--set auth.registrations-per-ip=20`) or restart it, never sleep.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

if (!process.env.HEARTH_URL) {
  throw new Error('HEARTH_URL is not set: start Hearth (bin/hearth serve --port 0) and set it to its URL,'
    + ' or run the e2e Maven module, which does both (bin/hearth test -pl e2e -am)');
}
/** The server's origin, without a trailing slash. */
export const BASE = process.env.HEARTH_URL.replace(/\/$/, '');
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(process.cwd(), 'target', 'e2e-artifacts');
/** How long a page may take to show what a step waits for; generous for a shared 2-core machine. */
export const WAIT = 10_000;
export const PASSWORD = 'correct horse battery staple';
export const PHONE = { width: 360, height: 740 };

/** A suffix that keeps names unique when the suite runs twice against the same server. */
export const RUN = randomBytes(3).toString('hex');

export async function launch() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One person: their own context (cookies, storage, IndexedDB) and page. Every page reports CSP
 * violations and uncaught errors into `problems`; `assertNoProblems(person)` fails on any.
 */
export async function newPerson(browser, name, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ baseURL: BASE, viewport });
  context.setDefaultTimeout(WAIT);
  const person = { name, context, page: null, problems: [] };
  await context.exposeBinding('__hearthReportCsp', (_source, v) => {
    person.problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line}`);
  });
  // Runs before the app's scripts on every document, CSP or not (it is injected, not loaded).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__hearthReportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
    });
  });
  person.page = await openPage(person);
  return person;
}

/** Another page in the person's context, watched like the first. */
export async function openPage(person) {
  const page = await person.context.newPage();
  page.on('pageerror', (e) => person.problems.push(`uncaught error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Network failures are expected while a test cuts the network or blocks WebSocket; the app's
    // own errors, and the browser's CSP reports, are not.
    if (/Content Security Policy/i.test(m.text()) || !/Failed to load resource|net::ERR_|WebSocket connection to/.test(m.text())) {
      person.problems.push(`console error on ${page.url()}: ${m.text()}`);
    }
  });
  return page;
}

export function assertNoProblems(...people) {
  const all = people.flatMap((p) => p.problems.map((x) => `${p.name}: ${x}`));
  assert.deepEqual(all, [], 'pages reported CSP violations or errors');
}

/** Retries `check` (which throws or rejects until satisfied) until it passes or `timeout` ends. */
export async function eventually(check, { timeout = WAIT, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

export const heading = (page, name, level = 1) => page.getByRole('heading', { name, level, exact: true });

export async function expectHeading(page, name, level = 1) {
  await heading(page, name, level).waitFor({ state: 'visible' });
}

export async function expectPath(page, pattern) {
  await eventually(() => assert.match(new URL(page.url()).pathname, pattern));
}

/** Signs up through /signup and waits for the campaigns page it leads to. */
export async function signUp(page, { username, displayName, password = PASSWORD }) {
  await page.goto('/signup');
  await expectHeading(page, 'Create your account');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Display name', { exact: true }).fill(displayName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expectPath(page, /^\/campaigns$/);
  await expectHeading(page, 'Your campaigns');
}

/** Signs in through /signin and waits for the campaigns page. */
export async function signIn(page, { username, password = PASSWORD }) {
  await page.goto('/signin');
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectPath(page, /^\/campaigns$/);
  await expectHeading(page, 'Your campaigns');
}

/**
 * The GM (on the campaigns page after signing up) creates a campaign and a game session in it;
 * answers the paths of the campaign page and of the session's live table.
 */
export async function createCampaignAndSession(page, { campaignName, sessionName }) {
  await page.getByLabel('Campaign name', { exact: true }).fill(campaignName);
  await page.getByRole('button', { name: 'Create campaign', exact: true }).click();
  await expectPath(page, /^\/campaigns\/[^/]+$/);
  await expectHeading(page, campaignName);
  await page.getByLabel('Session name', { exact: true }).fill(sessionName);
  await page.getByRole('button', { name: 'Create session', exact: true }).click();
  const open = page.getByRole('link', { name: `Open table: ${sessionName}`, exact: true });
  await open.waitFor();
  const tablePath = await open.getAttribute('href');
  assert.match(tablePath, /^\/play\/[^/]+$/);
  return { campaignPath: new URL(page.url()).pathname, tablePath };
}

/**
 * From the campaign page (`gmPage`), the GM creates an invite of `role` and `person` accepts it
 * (their page ends on the campaign page).
 */
export async function invite(gmPage, person, role) {
  const before = new Set(await gmPage.getByLabel('Invite link', { exact: true }).evaluateAll((els) => els.map((e) => e.value)));
  await gmPage.getByLabel('Invite role', { exact: true }).selectOption(role);
  await gmPage.getByRole('button', { name: 'Create invite', exact: true }).click();
  const link = await eventually(async () => {
    const values = await gmPage.getByLabel('Invite link', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
    const fresh = values.filter((v) => !before.has(v));
    assert.equal(fresh.length, 1, `exactly one new invite link after "Create invite" (links: ${values})`);
    return fresh[0];
  });
  await person.page.goto(link);
  await expectHeading(person.page, 'Join a campaign');
  await person.page.getByRole('button', { name: 'Accept invite', exact: true }).click();
  await expectPath(person.page, /^\/campaigns\/[^/]+$/);
}

/** Signs in through the HTTP API (not a page) and answers an access token for bearer requests. */
export async function accessToken(api, { username, password = PASSWORD }) {
  const login = await api.post('/api/auth/login', { data: { username, password } });
  assert.equal(login.status(), 200, `signing in ${username} through the API`);
  return (await login.json()).accessToken;
}

/**
 * Records the text of every WebSocket frame the page receives, from now on (call it before the
 * page's first navigation to miss none): `frames.texts` grows as frames arrive.
 */
export function recordWebSocketFrames(page) {
  const frames = { texts: [], sockets: 0 };
  page.on('websocket', (ws) => {
    frames.sockets++;
    ws.on('framereceived', ({ payload }) => frames.texts.push(typeof payload === 'string' ? payload : payload.toString('utf8')));
  });
  return frames;
}

/** The live table's connection status (role status, named "Connection"). */
export const connectionStatus = (page) => page.getByRole('status', { name: 'Connection', exact: true });

/** Waits until the table says it is live: the status text starts with "Connected". */
export async function connected(page, { timeout = WAIT } = {}) {
  await eventually(async () => assert.match(await connectionStatus(page).innerText(), /^Connected/), { timeout });
}

export const chatLog = (page) => page.getByRole('log', { name: 'Chat messages', exact: true });

/** How many times `text` occurs in the chat log as rendered (0 when the log is missing). */
export async function timesInChat(page, text) {
  const log = chatLog(page);
  if ((await log.count()) === 0) return 0;
  return (await log.innerText()).split(text).length - 1;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page as it is and fails on any
 * serious or critical violation, naming rule, impact and the first elements. Injected with
 * evaluate, which the page's CSP does not govern, so the page keeps its real CSP.
 */
export async function assertAccessible(page, what) {
  // The source itself is evaluated, not eval()'d inside the page: eval there is the CSP's to refuse.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(blocking, [], `axe: serious or critical accessibility violations on ${what}`);
}

/** Saves a full-page PNG as a test artifact: `${ARTIFACTS}/${name}.png`. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways: ${scrollWidth}px of content in ${clientWidth}px`);
}

/**
 * Steps of one story, run in order. A step marked `{ setup: true }` makes state later steps need
 * (accounts, a campaign, people at the table): once one fails, every later step fails at once
 * naming it, rather than again, more confusingly, on state that was never made. Other steps are
 * independent checks: their failure stops nothing. A failing step leaves a screenshot of each open
 * page of `people()` as `failed-<step>-<person>.png`.
 */
export function storySteps(test, people = () => []) {
  let broken = null;
  return (name, fn, { setup = false, ...options } = {}) => test(name, { timeout: 90_000, ...options }, async (t) => {
    if (broken) throw new Error(`not run: the setup step "${broken}" failed`);
    try {
      await fn(t);
    } catch (e) {
      if (setup) broken = name;
      const slug = (x) => x.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      for (const p of people()) {
        if (p?.page && !p.page.isClosed()) {
          await screenshot(p.page, `failed-${slug(name)}-${slug(p.name)}`).catch(() => {});
        }
      }
      throw e;
    }
  });
}
