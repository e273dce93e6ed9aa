// The table story: a GM, two players and a spectator, each in their own browser context, from
// sign-up to chat that survives going offline, closing the page and a blocked WebSocket; in the
// middle, two rounds of combat with dice (combat-story.mjs). Four accounts (see the budget in
// support.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'playwright-core';
import {
  BASE, PASSWORD, RUN, assertAccessible, assertNoProblems, chatLog, connected, connectionStatus, eventually,
  expectHeading, expectPath, heading, launch, newPerson, openPage, screenshot, signUp, storySteps, timesInChat,
} from './support.mjs';
import { combatStory, diceStory } from './combat-story.mjs';

const campaignName = `The Sunken Road ${RUN}`;
const sessionName = `Night one ${RUN}`;
let browser;
let gm, p1, p2, spectator; // people: { name, context, page, problems, username, displayName }
let everyone;
let tablePath;
let campaignPath;

before(async () => {
  browser = await launch();
  const person = async (key, displayName) => Object.assign(await newPerson(browser, key),
    { username: `${key}_${RUN}`, displayName: `${displayName} ${RUN}` });
  gm = await person('gm', 'Morgan');
  p1 = await person('p1', 'Brin');
  p2 = await person('p2', 'Cass');
  spectator = await person('spec', 'Dell');
  everyone = [gm, p1, p2, spectator];
});
after(async () => { await browser?.close(); });

const step = storySteps(test, () => everyone ?? []);

step('four people sign up, each in their own browser context', async () => {
  for (const p of everyone) await signUp(p.page, p);
  assertNoProblems(...everyone);
}, { setup: true });

step('the GM creates a campaign and a game session', async () => {
  const { page } = gm;
  await page.getByLabel('Campaign name', { exact: true }).fill(campaignName);
  await page.getByRole('button', { name: 'Create campaign', exact: true }).click();
  await expectPath(page, /^\/campaigns\/[^/]+$/);
  await expectHeading(page, campaignName);
  await page.getByLabel('Session name', { exact: true }).fill(sessionName);
  await page.getByRole('button', { name: 'Create session', exact: true }).click();
  const open = page.getByRole('link', { name: `Open table: ${sessionName}`, exact: true });
  await open.waitFor();
  tablePath = await open.getAttribute('href');
  assert.match(tablePath, /^\/play\/[^/]+$/);
}, { setup: true });

step('each invitee joins through an invite link of their role', async () => {
  const { page } = gm;
  campaignPath = new URL(page.url()).pathname;
  const seen = new Set();
  for (const [person, role] of [[p1, 'player'], [p2, 'player'], [spectator, 'spectator']]) {
    await page.getByLabel('Invite role', { exact: true }).selectOption(role);
    await page.getByRole('button', { name: 'Create invite', exact: true }).click();
    const link = await eventually(async () => {
      const values = await page.getByLabel('Invite link', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
      const fresh = values.filter((v) => !seen.has(v));
      assert.equal(fresh.length, 1, `exactly one new invite link after "Create invite" (links: ${values})`);
      return fresh[0];
    });
    seen.add(link);
    assert.ok(link.startsWith(`${BASE}/invite/`), `the invite link is a full URL on this server: ${link}`);
    await page.getByRole('button', { name: 'Copy link' }).first().waitFor();

    await person.page.goto(link);
    await expectHeading(person.page, 'Join a campaign');
    await person.page.getByRole('button', { name: 'Accept invite', exact: true }).click();
    await expectPath(person.page, new RegExp(`^${campaignPath}$`));
    await expectHeading(person.page, campaignName);
  }
  await page.reload();
  await heading(page, 'Members', 2).waitFor();
  for (const [person, role] of [[p1, 'player'], [p2, 'player'], [spectator, 'spectator']]) {
    assert.equal(await page.getByLabel(`Role for ${person.displayName}`, { exact: true }).inputValue(), role,
      `${person.displayName} is a ${role} in the members list`);
  }
  await screenshot(page, 'campaign-with-members');
}, { setup: true });

step('an invite link that does not exist says so in an alert when accepted', async () => {
  const { page } = p1;
  await page.goto('/invite/not-a-real-code');
  await expectHeading(page, 'Join a campaign');
  await page.getByRole('button', { name: 'Accept invite', exact: true }).click();
  await eventually(async () => assert.match(await page.getByRole('alert').innerText(), /invite/i));
  await expectPath(page, /^\/invite\/not-a-real-code$/);
});

step('everyone opens the table and sees everyone there', async () => {
  for (const p of everyone) {
    await p.page.goto(tablePath);
    await connected(p.page);
  }
  const people = gm.page.getByRole('list', { name: 'People at the table', exact: true });
  for (const p of everyone) await people.getByText(p.displayName).waitFor();
  for (const p of [gm, p1, p2]) await p.page.getByLabel('Message', { exact: true }).waitFor();
}, { setup: true });

step('the spectator watches without a message box; the table passes axe for GM and spectator', async () => {
  await spectator.page.getByText('You are watching this table as a spectator.').waitFor();
  await chatLog(spectator.page).waitFor();
  assert.equal(await spectator.page.getByLabel('Message', { exact: true }).count(), 0, 'a spectator has no message box');
  assert.equal(await spectator.page.getByRole('button', { name: 'Send', exact: true }).count(), 0, 'a spectator has no Send button');
  await screenshot(gm.page, 'table-gm');
  await screenshot(spectator.page, 'table-spectator');
  await assertAccessible(gm.page, 'the table (GM)');
  await assertAccessible(spectator.page, 'the table (spectator)');
});

step('the server refuses a chat line forged by the spectator (403 E011)', async () => {
  const api = await request.newContext({ baseURL: BASE });
  try {
    const login = await api.post('/api/auth/login', { data: { username: spectator.username, password: PASSWORD } });
    assert.equal(login.status(), 200);
    const { accessToken } = await login.json();
    const sessionId = tablePath.split('/').pop();
    const forged = await api.post(`/api/sessions/${sessionId}/commands`, {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: { id: `forged-${RUN}`, type: 'chat.post', payload: { text: `forged by the spectator ${RUN}` } },
    });
    assert.equal(forged.status(), 403);
    assert.equal((await forged.json()).code, 'E011');
  } finally {
    await api.dispose();
  }
});

step('chat reaches everyone, once each, in the same order', async () => {
  const lines = [[gm, 'the bridge is out'], [p1, 'we ford the river'], [p2, 'I light a torch'], [gm, 'the water rises']]
    .map(([p, text], i) => [p, `${text} #${i + 1} ${RUN}`]);
  for (const [p, text] of lines) await send(p.page, text);
  for (const p of everyone) {
    await eventually(async () => {
      const log = await chatLog(p.page).innerText();
      const counts = lines.map(([, text]) => log.split(text).length - 1);
      assert.deepEqual(counts, [1, 1, 1, 1], `${p.name} sees each line exactly once`);
    });
  }
  // One order for all: the server's.
  const orders = await Promise.all(everyone.map(async (p) => {
    const log = await chatLog(p.page).innerText();
    return lines.map(([, text]) => text).sort((a, b) => log.indexOf(a) - log.indexOf(b));
  }));
  for (const order of orders) assert.deepEqual(order, orders[0], 'every member sees the chat in the same order');
});

step('a whisper reaches its two parties and nobody else, GM included', async () => {
  const whisper = `psst, the GM is bluffing ${RUN}`;
  const to = p1.page.getByLabel('To', { exact: true });
  const options = await to.locator('option').allInnerTexts();
  for (const o of ['Everyone', 'GMs only', gm.displayName, p2.displayName]) {
    assert.ok(options.includes(o), `"To" offers ${o} (offers: ${options})`);
  }
  await to.selectOption({ label: p2.displayName });
  await send(p1.page, whisper);
  await eventually(async () => assert.equal(await timesInChat(p2.page, whisper), 1, 'the recipient sees the whisper once'));
  await eventually(async () => assert.equal(await timesInChat(p1.page, whisper), 1, 'the sender sees the whisper once'));

  // Chat is delivered in order: once a later public line arrives, the whisper would have too.
  await to.selectOption({ label: 'Everyone' });
  const later = `(after the whisper) ${RUN}`;
  await send(p1.page, later);
  for (const p of [gm, spectator]) {
    await eventually(async () => assert.equal(await timesInChat(p.page, later), 1));
    assert.ok(!(await p.page.content()).includes(whisper), `${p.name}'s page holds no trace of the whisper`);
  }
});

step('the whisper is a notification for its recipient only: badge, list, mark all read', async () => {
  const whisper = `psst, the GM is bluffing ${RUN}`;
  const bell = (page) => page.getByRole('button', { name: /^Notifications/ });
  await eventually(async () => assert.equal(await bell(p2.page).getAttribute('aria-label'), 'Notifications, 1 unread'));
  await bell(p2.page).click();
  const panel = p2.page.getByRole('region', { name: 'Notifications', exact: true });
  await eventually(async () => assert.ok((await panel.innerText()).includes(whisper), 'the list shows the whisper'));
  await screenshot(p2.page, 'notifications');
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await eventually(async () => assert.equal(await bell(p2.page).getAttribute('aria-label'), 'Notifications'));
  await p2.page.keyboard.press('Escape');
  for (const p of [gm, spectator]) {
    assert.equal(await bell(p.page).getAttribute('aria-label'), 'Notifications', `${p.name} has nothing unread`);
  }
});

// Their own steps: a dice or combat setup step that fails stops its own kind only, not the rest of the story.
diceStory(storySteps(test, () => everyone ?? []), () => ({ gm, p1, p2, spectator, send }));
combatStory(storySteps(test, () => everyone ?? []), () => ({ gm, p1, p2, spectator, send }));

step('messages sent offline show at once and arrive exactly once after reconnecting', async () => {
  await p1.context.setOffline(true);
  await eventually(async () => assert.match(await connectionStatus(p1.page).innerText(), /Offline/));
  const queued = [1, 2, 3].map((n) => `offline line ${n} ${RUN}`);
  for (const text of queued) await send(p1.page, text);
  for (const text of queued) {
    await eventually(async () => assert.equal(await timesInChat(p1.page, text), 1, `the sender sees "${text}" while offline`));
    assert.match(await chatLine(p1.page, text).innerText(), PENDING, `"${text}" is marked as not yet sent`);
    assert.equal(await timesInChat(gm.page, text), 0, 'nothing left p1 while it was offline');
  }
  await screenshot(p1.page, 'table-offline');

  await p1.context.setOffline(false);
  await connected(p1.page, { timeout: 30_000 });
  await expectEachOnce(queued);
  for (const text of queued) {
    await eventually(async () => assert.doesNotMatch(await chatLine(p1.page, text).innerText(), PENDING,
      `"${text}" is no longer marked pending once delivered`));
  }
  // A line sent after the reconnection is behind them everywhere; then nothing came twice late.
  const marker = `back online ${RUN}`;
  await send(gm.page, marker);
  await expectEachOnce([marker, ...queued]);
});

step('a message queued offline survives closing the page (the outbox is in IndexedDB)', async () => {
  await p1.context.setOffline(true);
  await eventually(async () => assert.match(await connectionStatus(p1.page).innerText(), /Offline/));
  const kept = `written on the train ${RUN}`;
  await send(p1.page, kept);
  await eventually(async () => assert.equal(await timesInChat(p1.page, kept), 1));
  // Where a failure lies: stored and not resent, or never stored (IndexedDB 'hearth-outbox').
  await eventually(async () => assert.ok((await outboxFrames(p1.page)).some((f) => f.includes(kept)),
    'the unsent message is in the IndexedDB outbox before the page closes'));
  await p1.page.close();
  assert.equal(await timesInChat(gm.page, kept), 0, 'nothing left p1 while it was offline');

  await p1.context.setOffline(false);
  p1.page = await openPage(p1);
  await p1.page.goto(tablePath);
  await connected(p1.page, { timeout: 30_000 });
  await expectEachOnce([kept]);
  const marker = `after the outbox ${RUN}`;
  await send(gm.page, marker);
  await expectEachOnce([marker, kept]);
});

step('with WebSocket blocked, the table falls back to SSE and chat flows both ways', async () => {
  const sse = [];
  await p2.context.routeWebSocket(/\/ws\//, (ws) => ws.close());
  p2.page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/sse/')) sse.push(r.url()); });
  await p2.page.reload();
  await eventually(async () => assert.match(await connectionStatus(p2.page).innerText(), /fallback \(SSE\)/),
    { timeout: 30_000 });
  assert.ok(sse.length > 0, 'the page opened an /sse/ stream');
  await screenshot(p2.page, 'table-sse');

  const fromSse = `sent over the fallback ${RUN}`;
  await send(p2.page, fromSse);
  const toSse = `received over the fallback ${RUN}`;
  await send(gm.page, toSse);
  await expectEachOnce([fromSse, toSse]);
  // Last, so that a wording difference does not hide whether chat flows: live is "Connected…".
  assert.match(await connectionStatus(p2.page).innerText(), /^Connected/, 'a live SSE table says "Connected"');
});

step('the GM bans the spectator: their open table says so at once, and the ban is listed as done', async () => {
  const page = await openPage(gm);
  await page.goto(BASE + campaignPath);
  await expectHeading(page, campaignName);
  await page.getByRole('button', { name: `Remove ${spectator.displayName}`, exact: true }).click();
  await page.getByRole('button', { name: `Remove and ban ${spectator.displayName}`, exact: true }).click();
  await eventually(async () => assert.match(await page.getByRole('status').filter({ hasText: 'banned' }).innerText(),
    /was removed and banned/));
  // Their live table, still open, is told (close 4403) and offers the way out.
  await spectator.page.getByRole('link', { name: 'Back to your campaigns' }).waitFor({ timeout: 10_000 });
  assert.equal(await chatLog(spectator.page).count(), 0, 'the banned spectator no longer sees the chat');
  await page.close();
});

step('the owner hands the campaign to a player made GM, and stays a GM', async () => {
  const page = await openPage(gm);
  await page.goto(BASE + campaignPath);
  await expectHeading(page, campaignName);
  await page.getByLabel(`Role for ${p1.displayName}`, { exact: true }).selectOption('gm');
  await eventually(async () => assert.ok(await page.getByRole('status').filter({ hasText: 'is now GM' }).count()));
  await page.getByRole('button', { name: `Make ${p1.displayName} owner`, exact: true }).click();
  await page.getByRole('button', { name: `Yes, make ${p1.displayName} owner`, exact: true }).click();
  await eventually(async () => assert.ok(await page.getByText('You are GM in this campaign.').count(),
    'the former owner is a GM, no longer the owner'));
  const theirs = await openPage(p1);
  await theirs.goto(BASE + campaignPath);
  await eventually(async () => assert.ok(await theirs.getByText('You are GM and owner in this campaign.').count()));
  await page.close();
  await theirs.close();
});

step('no page of the story met a CSP violation or an uncaught error', async () => {
  assertNoProblems(...everyone);
});

/** How the table marks a line not yet committed (the app says "will send when back online" or "sending…"). */
const PENDING = /will send when back online|sending…|pending|queued/i;

/** The one chat line (list item of the log) holding `text`. */
const chatLine = (page, text) => chatLog(page).getByRole('listitem').filter({ hasText: text });

/** Types `text` into the Message box and sends it with the Send button. */
async function send(page, text) {
  const box = page.getByLabel('Message', { exact: true });
  await box.fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  // Sending empties the box. On a loaded machine a click can land while the layout moves (a line
  // arriving): if the box still holds the text, nothing was sent, and clicking again is safe.
  const emptied = async () => assert.equal(await box.inputValue(), '', 'the message box empties once the line is sent');
  try {
    await eventually(emptied, { timeout: 2000 });
  } catch {
    if ((await box.inputValue()) === text) await page.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(emptied);
  }
}

/** The frames in the page's IndexedDB outbox (database 'hearth-outbox', store 'commands'). */
async function outboxFrames(page) {
  return page.evaluate(async () => {
    // Opening a missing database would create it empty and spoil the app's own upgrade: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === 'hearth-outbox')) return [];
    return new Promise((resolve, reject) => {
    const open = indexedDB.open('hearth-outbox');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('commands')) { db.close(); resolve([]); return; }
      const all = db.transaction('commands', 'readonly').objectStore('commands').getAll();
      all.onsuccess = () => { db.close(); resolve(all.result.map((r) => r.frame)); };
      all.onerror = () => reject(all.error);
    };
    });
  });
}

/** Every member's chat log shows each of `texts` exactly once. */
async function expectEachOnce(texts) {
  for (const p of everyone) {
    await eventually(async () => {
      const counts = await Promise.all(texts.map((t) => timesInChat(p.page, t)));
      assert.deepEqual(counts, texts.map(() => 1), `${p.name} sees each of ${JSON.stringify(texts)} exactly once`);
    }, { timeout: 20_000 });
  }
}
