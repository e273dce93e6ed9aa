// The screens one person sees, each checked for load time, CSP, axe-core, phone width and keyboard
// use; screenshots of each. One account (see the budget in support.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  PASSWORD, PHONE, RUN, assertAccessible, assertNoHorizontalScroll, assertNoProblems, chatLog, connected, eventually,
  expectHeading, expectPath, heading, launch, newPerson, openPage, screenshot, signIn, storySteps,
} from './support.mjs';

const ada = { username: `ada_${RUN}`, displayName: `Ada ${RUN}` };
const campaignName = `Lantern Keep ${RUN}`;
const sessionName = `Session one ${RUN}`;
let browser;
let campaignPath; // /campaigns/{id}, made by the setup step
let tablePath; // /play/{sessionId}, made by the setup step
let current = []; // the people of the running step, for screenshots when it fails

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const step = storySteps(test, () => current);

step('sign-in loads in under 3 s with no CSP violation and no serious axe violation', async () => {
  const visitor = await newPerson(browser, 'visitor');
  current = [visitor];
  const started = performance.now();
  await visitor.page.goto('/signin', { waitUntil: 'load' });
  await expectHeading(visitor.page, 'Sign in');
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 3000, `/signin took ${Math.round(elapsed)} ms to load and show its heading (budget 3000 ms)`);

  await visitor.page.getByLabel('Username', { exact: true }).waitFor();
  await visitor.page.getByLabel('Password', { exact: true }).waitFor();
  await visitor.page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await visitor.page.getByRole('link', { name: 'Create an account', exact: true }).click();
  await expectPath(visitor.page, /^\/signup$/);
  await expectHeading(visitor.page, 'Create your account');
  await assertAccessible(visitor.page, '/signup');
  await visitor.page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await expectPath(visitor.page, /^\/signin$/);
  await assertAccessible(visitor.page, '/signin');
  await screenshot(visitor.page, 'signin-desktop');
  assertNoProblems(visitor);
  await visitor.context.close();
});

step('keyboard only: sign up, then sign in with Tab and Enter', async () => {
  const person = await newPerson(browser, 'ada (keyboard)');
  current = [person];
  const { page } = person;
  await page.goto('/signup');
  await expectHeading(page, 'Create your account');
  await tabTo(page, page.getByLabel('Username', { exact: true }));
  await page.keyboard.type(ada.username);
  await tabTo(page, page.getByLabel('Display name', { exact: true }), 1);
  await page.keyboard.type(ada.displayName);
  await tabTo(page, page.getByLabel('Password', { exact: true }), 1);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expectPath(page, /^\/campaigns$/);
  await expectHeading(page, 'Your campaigns');

  await tabTo(page, page.getByRole('button', { name: 'Sign out', exact: true }));
  await page.keyboard.press('Enter');
  await expectPath(page, /^\/signin$/);

  await tabTo(page, page.getByLabel('Username', { exact: true }));
  await page.keyboard.type(ada.username);
  await tabTo(page, page.getByLabel('Password', { exact: true }), 1);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expectPath(page, /^\/campaigns$/);
  await expectHeading(page, 'Your campaigns');
  assertNoProblems(person);
  await person.context.close();
}, { setup: true });

step('a signed-in person creates a campaign and a session from the screens', async () => {
  const person = await newPerson(browser, 'ada');
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  await page.getByLabel('Campaign name', { exact: true }).fill(campaignName);
  await page.getByRole('button', { name: 'Create campaign', exact: true }).click();
  await expectPath(page, /^\/campaigns\/[^/]+$/);
  await expectHeading(page, campaignName);
  campaignPath = new URL(page.url()).pathname;
  await page.getByLabel('Session name', { exact: true }).fill(sessionName);
  await page.getByRole('button', { name: 'Create session', exact: true }).click();
  const open = page.getByRole('link', { name: `Open table: ${sessionName}`, exact: true });
  await open.waitFor();
  tablePath = await open.getAttribute('href');
  assert.match(tablePath, /^\/play\/[^/]+$/, 'the table link goes to /play/{sessionId}');
  assertNoProblems(person);
  await person.context.close();
}, { setup: true });

step('the campaigns and campaign pages pass axe and are captured', async () => {
  const person = await newPerson(browser, 'ada');
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await page.getByRole('link', { name: campaignName, exact: true }).waitFor();
  await assertAccessible(page, '/campaigns');
  await screenshot(page, 'campaigns');

  await page.getByRole('link', { name: campaignName, exact: true }).click();
  await expectPath(page, new RegExp(`^${campaignPath}$`));
  await expectHeading(page, campaignName);
  await heading(page, 'Members', 2).waitFor();
  await heading(page, 'Invites', 2).waitFor();
  await heading(page, 'Game sessions', 2).waitFor();
  await page.getByLabel('Invite role', { exact: true }).selectOption('player');
  await page.getByRole('button', { name: 'Create invite', exact: true }).click();
  await page.getByLabel('Invite link', { exact: true }).waitFor();
  await assertAccessible(page, 'the campaign page');
  await screenshot(page, 'campaign');

  await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expectPath(page, /^\/campaigns$/);
  await expectHeading(page, 'Your campaigns');
  assertNoProblems(person);
  await person.context.close();
});

step('the table passes axe and is captured', async () => {
  const person = await newPerson(browser, 'ada');
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  await page.goto(tablePath);
  await connected(page);
  await chatLog(page).waitFor();
  await page.getByRole('list', { name: 'People at the table', exact: true }).getByText(ada.displayName).waitFor();
  await page.getByRole('list', { name: 'Activity feed', exact: true }).waitFor();
  await page.getByLabel('Message', { exact: true }).waitFor();
  await page.getByLabel('Kind', { exact: true }).waitFor();
  await page.getByLabel('To', { exact: true }).waitFor();
  await screenshot(page, 'table-desktop');
  await assertAccessible(page, 'the table');
  assertNoProblems(person);
  await person.context.close();
});

step('at phone width (360 px) sign-in and campaigns do not scroll sideways', async () => {
  const person = await newPerson(browser, 'ada (phone)', { viewport: PHONE });
  current = [person];
  const { page } = person;
  await page.goto('/signin');
  await expectHeading(page, 'Sign in');
  await assertNoHorizontalScroll(page, '/signin at 360 px');
  await screenshot(page, 'signin-phone');
  await signIn(page, ada);
  await page.getByRole('link', { name: campaignName, exact: true }).waitFor();
  await assertNoHorizontalScroll(page, '/campaigns at 360 px');
  await screenshot(page, 'campaigns-phone');
  assertNoProblems(person);
  await person.context.close();
});

step('at phone width (360 px) the table does not scroll sideways', async () => {
  const person = await newPerson(browser, 'ada (phone)', { viewport: PHONE });
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  await page.goto(tablePath);
  await connected(page);
  await page.getByLabel('Message', { exact: true }).waitFor();
  await assertNoHorizontalScroll(page, 'the table at 360 px');
  await screenshot(page, 'table-phone');
  assertNoProblems(person);
  await person.context.close();
});

step('an ended sign-in leads to sign-in and keeps the typed campaign name', async () => {
  const person = await newPerson(browser, 'ada (campaign draft)');
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  const draft = `Half-named campaign ${RUN}`;
  await page.getByLabel('Campaign name', { exact: true }).fill(draft);
  await signOutInAnotherTab(person);

  // The page learns of it at its next request.
  await page.getByRole('button', { name: 'Create campaign', exact: true }).click();
  await expectPath(page, /^\/signin$/);
  await signInHere(page);
  if (new URL(page.url()).pathname !== '/campaigns') await page.goto('/campaigns');
  await expectHeading(page, 'Your campaigns');
  assert.equal(await page.getByLabel('Campaign name', { exact: true }).inputValue(), draft,
    'the campaign name typed before the sign-in ended is still there');
  assert.equal(await page.getByRole('link', { name: draft, exact: true }).count(), 0,
    'the refused request created no campaign');
  assertNoProblems(person);
  await person.context.close();
});

step('an ended sign-in at the table leads to sign-in and keeps the typed message', async () => {
  const person = await newPerson(browser, 'ada (draft)');
  current = [person];
  const { page } = person;
  await signIn(page, ada);
  await page.goto(tablePath);
  await connected(page);
  const draft = `half a thought ${RUN}`;
  await page.getByLabel('Message', { exact: true }).fill(draft);

  await signOutInAnotherTab(person);

  await expectPath(page, /^\/signin$/);
  await signInHere(page);
  if (new URL(page.url()).pathname !== tablePath) await page.goto(tablePath);
  await connected(page);
  assert.equal(await page.getByLabel('Message', { exact: true }).inputValue(), draft,
    'the draft typed before the sign-in ended is still in the message box');
  assertNoProblems(person);
  await person.context.close();
});

/** Signs out in a second tab of the person's context, which ends the sign-in every tab uses. */
async function signOutInAnotherTab(person) {
  const other = await openPage(person);
  await other.goto('/campaigns');
  await expectHeading(other, 'Your campaigns');
  await other.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPath(other, /^\/signin$/);
  await other.close();
}

/** Signs in on the sign-in page `page` shows and waits until it leaves it. */
async function signInHere(page) {
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Username', { exact: true }).fill(ada.username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await eventually(() => assert.notEqual(new URL(page.url()).pathname, '/signin'));
}

/** Presses Tab (at most `max` times) until `target` has focus; fails if it never does. */
async function tabTo(page, target, max = 25) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`${target} did not get focus within ${max} Tab presses`);
}
