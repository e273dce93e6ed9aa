import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTableClient, settle, welcomeFrame } from '../test-client';
import { TableModel, type TableClient } from '../table-model.svelte';
import InitiativePanel from './InitiativePanel.svelte';
import { gmView, playerView } from './test-encounter';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let client: FakeTableClient;
let model: TableModel;
let stop: (() => void) | null = null;

/** Ada (u1) at the table as `role`, with the welcome's encounter. */
async function render(role: string, encounter: unknown): Promise<void> {
  stop?.();
  if (app) unmount(app);
  target.innerHTML = '';
  client = new FakeTableClient();
  model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
  stop = model.start();
  client.emit(welcomeFrame(role, { encounter }));
  app = mount(InitiativePanel, {
    target,
    props: {
      combat: model.combat,
      get role() {
        return model.role;
      },
      get people() {
        return model.players;
      },
    },
  });
  await settle();
}

/** A button's name as a screen reader reads it: its text without the parts hidden from it. */
function nameOf(b: Element): string {
  const copy = b.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
const buttons = (root: ParentNode = target) => [...root.querySelectorAll('button')].map(nameOf);
function button(name: string, root: ParentNode = target): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => nameOf(x) === name);
  if (!b) throw new Error(`no button ${name} among ${buttons(root).join(' | ')}`);
  return b;
}
const order = () => target.querySelector('ol[aria-label="Turn order"]')!;
const items = () => [...order().querySelectorAll(':scope > li')] as HTMLElement[];
const item = (name: string) => items().find((li) => li.querySelector('.name')?.textContent === name)!;
function field(root: ParentNode, label: string): HTMLInputElement & HTMLSelectElement {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  if (!l) throw new Error(`no label ${label}`);
  return (l.htmlFor ? target.querySelector(`[id="${l.htmlFor}"]`) : l.querySelector('input')) as HTMLInputElement & HTMLSelectElement;
}
function set(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
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

describe('InitiativePanel', () => {
  it('offers the GM to start an encounter when none runs', async () => {
    await render('gm', null);
    expect(target.textContent).toContain('No encounter is running.');
    button('Start encounter').click();
    expect(client.sent).toEqual([{ type: 'combat.start_encounter', payload: {} }]);
  });

  it('gives players no GM controls', async () => {
    await render('player', null);
    expect(buttons()).not.toContain('Start encounter');
    await render('player', playerView());
    for (const gmOnly of ['Roll initiative', 'Next turn', 'Previous turn', 'Undo', 'End encounter', 'Add combatant', 'Move up']) {
      expect(buttons()).not.toContain(gmOnly);
    }
  });

  it('shows the turn order with initiative, hit points and the current turn marked', async () => {
    await render('gm', gmView());
    expect(items().map((li) => li.querySelector('.name')?.textContent)).toEqual(['Brin', 'Ash', 'Goblins']);
    expect(item('Brin').getAttribute('aria-current')).toBe('true');
    expect(item('Ash').hasAttribute('aria-current')).toBe(false);
    expect(item('Brin').textContent).toContain('18');
    expect(item('Brin').textContent).toContain('HP 20/20');
    expect(item('Goblins').textContent).toContain('Hidden');
    expect(item('Goblins').textContent).toContain('Goblins 2:');
    expect(item('Goblins').textContent).toContain('HP 3/7');
    expect(target.textContent).toContain("Round 1 · Brin's turn");
  });

  it('updates from each combat.view frame', async () => {
    await render('player', playerView());
    expect(items()).toHaveLength(2);
    client.emit({ type: 'combat.view', payload: { seq: 12, encounter: playerView({ current: 'c2', round: 2 }) } });
    expect(item('Ash').getAttribute('aria-current')).toBe('true');
    expect(target.textContent).toContain("Round 2 · Ash's turn");
  });

  it("runs the GM's turn controls and reorders with Move up / Move down", async () => {
    await render('gm', gmView());
    for (const name of ['Roll initiative', 'Previous turn', 'Next turn', 'Undo', 'End encounter']) button(name).click();
    button('Move up', item('Goblins')).click();
    button('Move down', item('Brin')).click();
    expect(button('Move up', item('Brin')).disabled).toBe(true);
    expect(client.sent).toEqual([
      { type: 'combat.roll_initiative', payload: { mode: 'normal' } },
      { type: 'combat.previous_turn', payload: {} },
      { type: 'combat.next_turn', payload: {} },
      { type: 'combat.undo', payload: {} },
      { type: 'combat.end_encounter', payload: {} },
      { type: 'combat.move_combatant', payload: { combatantId: 'c3', position: 1 } },
      { type: 'combat.move_combatant', payload: { combatantId: 'c1', position: 1 } },
    ]);
  });

  it('lets the GM reveal a hidden combatant', async () => {
    await render('gm', gmView());
    button('Reveal', item('Goblins')).click();
    expect(client.sent.at(-1)).toEqual({ type: 'combat.reveal', payload: { combatantId: 'c3' } });
  });

  it('adds a PC for a player, and a hidden monster group', async () => {
    await render('gm', gmView({ order: [] }));
    const form = target.querySelector('form.add')!;
    set(field(form, 'Combatant name'), 'Brin');
    set(field(form, 'Combatant type'), 'pc');
    expect([...field(form, 'Player').options].map((o) => o.textContent)).toEqual(['Bob', 'Ada', 'Gail']);
    expect(field(form, 'Player').value).toBe('u2');
    set(field(form, 'Max HP'), '24');
    set(field(form, 'Initiative modifier'), '3');
    button('Add combatant').click();
    set(field(form, 'Combatant name'), 'Goblins');
    set(field(form, 'Combatant type'), 'monster_group');
    set(field(form, 'How many'), '2');
    set(field(form, 'Max HP'), '7');
    const hidden = field(form, 'Hidden from players');
    hidden.checked = true;
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button('Add combatant').click();
    expect(client.sent).toEqual([
      {
        type: 'combat.add_combatant',
        payload: { name: 'Brin', kind: 'pc', ownerUserId: 'u2', characterId: 'Brin', initiativeModifier: 3, maxHp: [24], defenses: {}, hidden: false },
      },
      {
        type: 'combat.add_combatant',
        payload: { name: 'Goblins', kind: 'monster_group', initiativeModifier: 3, maxHp: [7, 7], defenses: {}, hidden: true },
      },
    ]);
  });

  it("gives a player on their own turn End turn, Delay and Ready", async () => {
    await render('player', playerView({ current: 'c2', onDeck: 'c1' }));
    const mine = target.querySelector('.my-turn')!;
    expect(mine.textContent).toContain('Your turn: Ash');
    button('End turn', mine).click();
    button('Delay', mine).click();
    set(field(mine, 'Trigger'), 'when the ogre moves');
    button('Ready', mine).click();
    expect(client.sent).toEqual([
      { type: 'combat.next_turn', payload: {} },
      { type: 'combat.delay', payload: { combatantId: 'c2' } },
      { type: 'combat.ready', payload: { combatantId: 'c2', trigger: 'when the ogre moves' } },
    ]);
  });

  it("shows no turn controls on someone else's turn", async () => {
    await render('player', playerView());
    expect(target.querySelector('.my-turn')).toBeNull();
    expect(buttons()).not.toContain('End turn');
  });

  it('offers a death save to a player whose PC is down on its turn', async () => {
    const view = playerView({ current: 'c2' });
    const ash = view.order[1]!;
    ash.members[0] = { ...ash.members[0]!, health: 'down', hp: { current: 0, max: 20, temporary: 0 }, deathSaves: { successes: 1, failures: 0 } };
    await render('player', view);
    expect(item('Ash').textContent).toContain('Death saves: 1 success, 0 failures');
    button('Roll death save').click();
    expect(client.sent).toEqual([{ type: 'combat.roll_death_save', payload: { creatureId: 'c2' } }]);
  });

  it("lets a player damage and heal their own PC, not another's", async () => {
    await render('player', playerView());
    expect(buttons(item('Brin'))).not.toContain('Edit Brin');
    button('Edit Ash', item('Ash')).click();
    flushSync();
    const ash = item('Ash');
    set(field(ash, 'Amount'), '7');
    set(field(ash, 'Damage type'), 'fire');
    const crit = field(ash, 'Critical hit');
    crit.checked = true;
    crit.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button('Damage', ash).click();
    flushSync();
    set(field(ash, 'Amount'), '3');
    button('Heal', ash).click();
    flushSync();
    set(field(ash, 'Amount'), '5');
    button('Temp HP', ash).click();
    expect(client.sent).toEqual([
      { type: 'combat.damage', payload: { creatureId: 'c2', amount: 7, type: 'fire', critical: true } },
      { type: 'combat.heal', payload: { creatureId: 'c2', amount: 3 } },
      { type: 'combat.grant_temp_hp', payload: { creatureId: 'c2', amount: 5 } },
    ]);
    expect(ash.textContent).not.toContain('Add condition');
  });

  it('lets the GM add a condition with a duration and remove one', async () => {
    const view = gmView();
    view.order[0]!.members[0] = {
      ...view.order[0]!.members[0]!,
      conditions: [{ condition: 'prone', duration: { kind: 'indefinite' }, timer: null, appliedBy: null }],
    } as never;
    await render('gm', view);
    expect(item('Brin').textContent).toContain('Prone');
    button('Edit Brin', item('Brin')).click();
    flushSync();
    const brin = item('Brin');
    set(field(brin, 'Condition'), 'frightened');
    set(field(brin, 'Duration'), 'until_save');
    set(field(brin, 'DC'), '13');
    set(field(brin, 'Ability'), 'wisdom');
    button('Add condition', brin).click();
    set(field(brin, 'Duration'), 'rounds');
    set(field(brin, 'Rounds'), '2');
    button('Add condition', brin).click();
    button('Remove Prone', brin).click();
    expect(client.sent).toEqual([
      { type: 'combat.apply_condition', payload: { creatureId: 'c1', condition: 'frightened', duration: { kind: 'until_save', dc: 13, ability: 'wisdom' } } },
      { type: 'combat.apply_condition', payload: { creatureId: 'c1', condition: 'frightened', duration: { kind: 'rounds', rounds: 2, at: 'end' } } },
      { type: 'combat.end_condition', payload: { creatureId: 'c1', condition: 'prone' } },
    ]);
  });

  it('says why a command was refused', async () => {
    await render('gm', gmView());
    button('Next turn').click();
    client.acks.get('m-1')!.reject({ code: 'E012', message: 'Nobody is in the initiative order.' });
    await settle();
    expect(target.querySelector('[role="alert"]')?.textContent).toBe('Not done: Nobody is in the initiative order.');
  });

  it('asks for the view when the welcome has none', async () => {
    client = new FakeTableClient();
    client.answers.set('combat.view', () => ({ encounter: playerView() }));
    model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
    stop = model.start();
    client.emit(welcomeFrame('player'));
    await settle();
    expect(model.combat.encounter?.order).toHaveLength(2);
  });
});
