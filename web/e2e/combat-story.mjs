// The combat story, told inside the table story (table.test.mjs) by the same GM, two players and
// spectator, who are already at the table (and whose accounts the budget in support.mjs counts): the GM runs two
// rounds of combat with both players' PCs and a hidden goblin; players end their own turns and see
// their HP change; rolls in the dice tray (public and blind) and an inline roll in chat.
//
// Accessible names: web/README.md, "The live table's accessible names".
import assert from 'node:assert/strict';
import { RUN, assertAccessible, chatLog, eventually, screenshot } from './support.mjs';

export const initiative = (page) => page.getByRole('region', { name: 'Initiative', exact: true });
export const turnOrder = (page) => initiative(page).getByRole('list', { name: 'Turn order', exact: true });
/** The turn order's item for the combatant called `name` (not the nested lists of conditions). */
export const combatantItem = (page, name) =>
  turnOrder(page).locator(':scope > li').filter({ has: page.locator('.name').getByText(name, { exact: true }) });
export const diceTray = (page) => page.getByRole('region', { name: 'Dice', exact: true });
export const rollHistory = (page) => diceTray(page).getByRole('list', { name: 'Roll history', exact: true });

/** The names in the turn order as the page shows them, top to bottom. */
const orderOf = (page) => turnOrder(page).locator(':scope > li .name').allInnerTexts();
/** The names of the items marked `aria-current="true"` (one, or none when the current one is hidden from the viewer). */
const currentOf = (page) => turnOrder(page).locator(':scope > li[aria-current="true"] .name').allInnerTexts();
const button = (scope, name) => scope.getByRole('button', { name, exact: true });

/**
 * Adds the combat steps to the story (run the dice steps, `diceStory`, before them). `cast()` gives `{ gm, p1, p2, spectator, send }` once the
 * setup steps have made them: everyone at the table, `send(page, text)` posting a chat line.
 */
export function combatStory(step, cast) {
  const PCS = { p1: 'Vex', p2: 'Rook' };
  const GOBLIN = 'Goblin';

  step('combat: the GM starts an encounter and adds both PCs and a hidden goblin', async () => {
    const { gm, p1, p2 } = cast();
    const ini = initiative(gm.page);
    await button(ini, 'Start encounter').click();
    await button(ini, 'Add combatant').waitFor();
    const add = async (name, { type, player, hp, modifier, hidden = false }) => {
      await ini.getByLabel('Combatant name', { exact: true }).fill(name);
      await ini.getByLabel('Combatant type', { exact: true }).selectOption(type);
      if (player) await ini.getByLabel('Player', { exact: true }).selectOption({ label: player });
      await ini.getByLabel('Max HP', { exact: true }).fill(String(hp));
      await ini.getByLabel('Initiative modifier', { exact: true }).fill(String(modifier));
      const box = ini.getByLabel('Hidden from players', { exact: true });
      if ((await box.isChecked()) !== hidden) await box.click();
      await button(ini, 'Add combatant').click();
      await combatantItem(gm.page, name).waitFor();
    };
    await add(PCS.p1, { type: 'pc', player: p1.displayName, hp: 24, modifier: 2 });
    await add(PCS.p2, { type: 'pc', player: p2.displayName, hp: 20, modifier: 1 });
    await add(GOBLIN, { type: 'npc', hp: 7, modifier: 2, hidden: true });
    assert.deepEqual(await orderOf(gm.page), [PCS.p1, PCS.p2, GOBLIN]);
    assert.match(await combatantItem(gm.page, GOBLIN).innerText(), /hidden/i, 'the GM sees the goblin marked hidden');
  }, { setup: true });

  step('combat: the GM rolls initiative and orders the fight; players see it without the goblin', async () => {
    const { gm, p1, p2, spectator } = cast();
    await button(initiative(gm.page), 'Roll initiative').click();
    await eventually(async () => {
      const values = await turnOrder(gm.page).locator(':scope > li .init').allInnerTexts();
      assert.equal(values.length, 3);
      for (const v of values) assert.match(v, /-?\d+$/, `every combatant has an initiative (${values})`);
    });
    // Initiative is random: put the fight in a known order with the reorder buttons (Vex, Rook, Goblin).
    const wanted = [PCS.p1, PCS.p2, GOBLIN];
    for (let i = 0; i < wanted.length; i++) {
      for (;;) {
        const order = await orderOf(gm.page);
        const at = order.indexOf(wanted[i]);
        if (at <= i) break;
        await button(combatantItem(gm.page, wanted[i]), 'Move up').click();
        await eventually(async () => assert.equal((await orderOf(gm.page)).indexOf(wanted[i]), at - 1, `${wanted[i]} moved up`));
      }
    }
    assert.deepEqual(await orderOf(gm.page), wanted);
    for (const p of [p1, p2, spectator]) {
      await eventually(async () => assert.deepEqual(await orderOf(p.page), [PCS.p1, PCS.p2], `${p.name} sees the PCs in order, no goblin`));
      assert.ok(!(await p.page.content()).includes(GOBLIN), `${p.name}'s page holds no trace of the hidden goblin`);
    }
  }, { setup: true });

  step('combat: round 1 — the GM starts the turns, each player ends their own, the GM the goblin', async () => {
    const { gm, p1, p2 } = cast();
    await button(initiative(gm.page), 'Next turn').click();
    await eventually(async () => assert.deepEqual(await currentOf(gm.page), [PCS.p1]));
    for (const p of [p1, p2]) await eventually(async () => assert.deepEqual(await currentOf(p.page), [PCS.p1], `${p.name} sees Vex's turn`));
    assert.match(await initiative(gm.page).innerText(), /Round 1/);
    await screenshot(gm.page, 'combat-gm');

    // Only the owner gets the turn controls.
    assert.equal(await button(initiative(p2.page), 'End turn').count(), 0, "Rook's player has no End turn on Vex's turn");
    const mine = initiative(p1.page);
    await mine.getByText(`Your turn: ${PCS.p1}`).waitFor();
    await button(mine, 'Delay').waitFor();
    await button(mine, 'Ready').waitFor();
    await button(mine, 'End turn').click();
    for (const p of [gm, p1, p2]) await eventually(async () => assert.deepEqual(await currentOf(p.page), [PCS.p2]));
    await button(initiative(p2.page), 'End turn').click();
    await eventually(async () => assert.deepEqual(await currentOf(gm.page), [GOBLIN]));
    for (const p of [p1, p2]) {
      await eventually(async () => assert.deepEqual(await currentOf(p.page), [], `${p.name} sees no current turn while the hidden goblin acts`));
    }
    await button(initiative(gm.page), 'Next turn').click();
    for (const p of [gm, p1, p2]) {
      await eventually(async () => {
        assert.deepEqual(await currentOf(p.page), [PCS.p1]);
        assert.match(await initiative(p.page).innerText(), /Round 2/, `${p.name} sees round 2`);
      });
    }
  }, { setup: true });

  step('combat: the GM damages a PC and its player (and the party) see the new HP', async () => {
    const { gm, p1, p2, spectator } = cast();
    const rook = combatantItem(gm.page, PCS.p2);
    await button(rook, `Edit ${PCS.p2}`).click();
    await rook.getByLabel('Amount', { exact: true }).fill('5');
    await rook.getByLabel('Damage type', { exact: true }).selectOption('slashing');
    await button(rook, 'Damage').click();
    for (const p of [gm, p2, p1, spectator]) {
      await eventually(async () => assert.match(await combatantItem(p.page, PCS.p2).innerText(), /HP 15\/20/, `${p.name} sees Rook at 15/20`));
    }
    await button(rook, `Edit ${PCS.p2}`).click(); // closes the editor
  });

  step('combat: round 2 — the GM reveals the goblin, players see it by its health only, the round ends', async () => {
    const { gm, p1, p2 } = cast();
    await button(combatantItem(gm.page, GOBLIN), 'Reveal').click();
    for (const p of [p1, p2]) {
      await eventually(async () => assert.deepEqual(await orderOf(p.page), [PCS.p1, PCS.p2, GOBLIN], `${p.name} sees the goblin once revealed`));
      const goblin = await combatantItem(p.page, GOBLIN).innerText();
      assert.match(goblin, /Healthy/, 'players see a descriptor for a monster');
      assert.doesNotMatch(goblin, /HP 7\/7/, 'players do not see the monster\'s exact HP');
    }
    await button(initiative(p1.page), 'End turn').click();
    await eventually(async () => assert.deepEqual(await currentOf(p2.page), [PCS.p2]));
    await button(initiative(p2.page), 'End turn').click();
    await eventually(async () => assert.deepEqual(await currentOf(p1.page), [GOBLIN]));
    await button(initiative(gm.page), 'Next turn').click();
    for (const p of [gm, p1, p2]) await eventually(async () => assert.match(await initiative(p.page).innerText(), /Round 3/));
    await screenshot(p1.page, 'combat-player');
  });

  step('combat and dice panels pass axe for the GM and a player', async () => {
    const { gm, p1 } = cast();
    await button(combatantItem(gm.page, PCS.p1), `Edit ${PCS.p1}`).click();
    await screenshot(gm.page, 'combat-gm-editing');
    await assertAccessible(gm.page, 'the table with an encounter (GM, editor open)');
    await assertAccessible(p1.page, 'the table with an encounter (player)');
    await button(combatantItem(gm.page, PCS.p1), `Edit ${PCS.p1}`).click();
  });

  step('combat: the GM ends the encounter', async () => {
    const { gm, p1 } = cast();
    await button(initiative(gm.page), 'End encounter').click();
    await eventually(async () => assert.match(await initiative(p1.page).innerText(), /No encounter is running/));
  });
}

/**
 * The dice steps: the tray's public and blind rolls and an inline roll in chat. Independent of the
 * combat steps (their own `step`, so that a failed combat setup does not stop them).
 */
export function diceStory(step, cast) {
  step('dice: a player rolls 1d20+5 and everyone sees it in the roll history', async () => {
    const { gm, p1, p2, spectator } = cast();
    const tray = diceTray(p1.page);
    await tray.getByLabel('Dice expression', { exact: true }).fill(`1d20+5 # swing ${RUN}`);
    await tray.getByText('Average 15.5 · 6 to 25').waitFor();
    await tray.getByLabel('Chance to reach', { exact: true }).fill('15');
    await tray.getByText('55% to roll 15 or more').waitFor();
    await button(tray, 'Roll').click();
    for (const p of [p1, gm, p2, spectator]) {
      await eventually(async () => {
        const history = await rollHistory(p.page).innerText();
        assert.match(history, new RegExp(`swing ${RUN}: 1d20\\+5 → \\[\\d+\\]\\+5 = \\d+`), `${p.name} sees the roll`);
      });
    }
    assert.match(await rollHistory(gm.page).innerText(), new RegExp(p1.displayName), 'the history names who rolled');
    const feed = gm.page.getByRole('list', { name: 'Activity feed', exact: true });
    await eventually(async () => assert.match(await feed.innerText(), new RegExp(`${p1.displayName} rolled swing ${RUN}: 1d20\\+5`),
      'the activity feed tells the roll'));
  });

  step('dice: a blind roll shows "Blind roll" to the roller and the result to the GM only', async () => {
    const { gm, p1, p2 } = cast();
    const tray = diceTray(p2.page);
    await tray.getByRole('radio', { name: 'Blind', exact: true }).check();
    await tray.getByLabel('Dice expression', { exact: true }).fill(`1d8 # sneak ${RUN}`);
    await button(tray, 'Roll').click();
    await eventually(async () => assert.match(await rollHistory(p2.page).innerText(), /Blind roll — the GM sees the result/));
    await eventually(async () => assert.match(await rollHistory(gm.page).innerText(), new RegExp(`sneak ${RUN}: 1d8 → \\[\\d\\] = \\d`)));
    assert.doesNotMatch(await rollHistory(p2.page).innerText(), /1d8 → /, 'the roller sees no result');
    // A public roll after it reaches p1: had the blind one reached p1, it would have come first.
    await tray.getByRole('radio', { name: 'Public', exact: true }).check();
    await tray.getByLabel('Dice expression', { exact: true }).fill(`1d4 # after ${RUN}`);
    await button(tray, 'Roll').click();
    await eventually(async () => assert.match(await rollHistory(p1.page).innerText(), new RegExp(`after ${RUN}`)));
    assert.ok(!(await p1.page.content()).includes(`sneak ${RUN}`), "another player's page holds no trace of the blind roll");
  });

  step('chat: an inline roll [[1d20]] shows a clickable total with its breakdown', async () => {
    const { gm, p1, send } = cast();
    const text = `I swing at the goblin ${RUN}`;
    await send(p1.page, `${text} [[1d20]]`);
    for (const p of [gm, p1]) {
      // The only inline roll of the story; its line once committed (the pending one has no button).
      const name = /^Inline roll 1d20: \d+$/;
      const roll = chatLog(p.page).getByRole('button', { name });
      await roll.waitFor();
      const line = chatLog(p.page).getByRole('listitem').filter({ has: p.page.getByRole('button', { name }) });
      assert.match(await roll.innerText(), /\d+$/, 'the button shows the total');
      assert.doesNotMatch(await line.innerText(), /\[\[1d20\]\]/, 'the span is replaced by the roll');
      await roll.click();
      await eventually(async () => assert.match(await line.innerText(), /1d20 → \[\d+\] = \d+/, `${p.name} sees the breakdown`));
      assert.equal(await roll.getAttribute('aria-expanded'), 'true');
    }
  });
}
