import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTableClient, settle, welcomeFrame } from '../test-client';
import { TableModel, type TableClient } from '../table-model.svelte';
import DicePanel from './DicePanel.svelte';
import { CHECK_DELAY_MS } from './dice-model.svelte';
import { rolled } from './test-rolls';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let client: FakeTableClient;
let model: TableModel;
let stop: (() => void) | null = null;

async function render(role: string, log: unknown[] = []): Promise<void> {
  client = new FakeTableClient();
  client.answers.set('dice.log', () => ({ items: log, nextBefore: null }));
  model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
  stop = model.start();
  client.emit(welcomeFrame(role));
  app = mount(DicePanel, { target, props: { dice: model.dice, get role() { return model.role; } } });
  await settle();
}

function labelled(text: string): HTMLInputElement {
  const label = [...target.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  return (label.htmlFor ? target.querySelector(`#${label.htmlFor}`) : label.querySelector('input')) as HTMLInputElement;
}

function type(text: string, into = 'Dice expression'): void {
  const box = labelled(into);
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function button(name: string): HTMLButtonElement {
  const b = [...target.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

const history = () => target.querySelector('ol[aria-labelledby="dice-history-h"]')!;
const check = () => target.querySelector('#dice-check')!.textContent?.trim();

beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});

afterEach(() => {
  vi.useRealTimers();
  stop?.();
  stop = null;
  if (app) unmount(app);
  app = null;
  target.remove();
});

describe('DicePanel', () => {
  it('loads the roll history on a fresh welcome and shows each roll with its dice, dropped ones struck', async () => {
    await render('player', [rolled(3)]);
    expect(client.requests.find((r) => r.method === 'dice.log')?.params).toEqual({ limit: 50 });
    const item = history().querySelector('li')!;
    expect(item.textContent).toContain('Bob');
    expect(item.textContent).toContain('strength: 4d6dl1 → [6, 5, 3, ~1~] = 14');
    const dice = [...item.querySelectorAll('.die')];
    expect(dice.map((d) => d.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['6', '5', '3', '1 (dropped)']);
    expect(dice[3]!.querySelector('s')?.textContent).toBe('1');
  });

  it('adds live rolls at the top, once each', async () => {
    await render('player', [rolled(3)]);
    client.emit(rolled(9, { userId: 'u1', displayName: 'Ada', mode: 'gm', text: '1d20 → [12] = 12' }));
    client.emit(rolled(9, { userId: 'u1', displayName: 'Ada', mode: 'gm', text: '1d20 → [12] = 12' }));
    const items = [...history().querySelectorAll(':scope > li')];
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('You');
    expect(items[0]!.textContent).toContain('GM only');
    expect(items[0]!.textContent).toContain('1d20 → [12] = 12');
  });

  it('shows our blind roll without any result', async () => {
    await render('player');
    client.emit({ id: 'ev:11', type: 'dice.hidden', seq: 11, payload: { userId: 'u1', displayName: 'Ada', mode: 'blind', expression: '1d20' } });
    expect(history().textContent).toContain('Blind roll — the GM sees the result');
  });

  it('checks the expression after a pause in typing, and shows the odds', async () => {
    vi.useFakeTimers();
    await render('player');
    client.answers.set('dice.probability', () => ({ min: 6, max: 25, mean: 15.5, distribution: [] }));
    type('1d2');
    type('1d20+5');
    expect(client.requests.filter((r) => r.method === 'dice.probability')).toHaveLength(0);
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    await settle();
    expect(client.requests.filter((r) => r.method === 'dice.probability').map((r) => r.params)).toEqual([{ expression: '1d20+5' }]);
    expect(check()).toBe('Average 15.5 · 6 to 25');
  });

  it('shows where an expression goes wrong', async () => {
    vi.useFakeTimers();
    await render('player');
    client.answers.set('dice.probability', () => {
      throw { code: 'E007', message: 'At position 5: expected a number, found the end.', details: { field: 'expression', reason: 'syntax', position: 5 } };
    });
    type('1d20+');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    await settle();
    expect(check()).toContain('At position 5: expected a number, found the end.');
    expect(labelled('Dice expression').getAttribute('aria-invalid')).toBe('true');
  });

  it('ignores the answer to a check that was overtaken by more typing', async () => {
    vi.useFakeTimers();
    await render('player');
    let release: (v: unknown) => void = () => undefined;
    client.answers.set('dice.probability', (p) =>
      p.expression === '1d4' ? new Promise((r) => (release = r)) : { min: 1, max: 6, mean: 3.5, distribution: [] },
    );
    type('1d4');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    type('1d6');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    await settle();
    release({ min: 1, max: 4, mean: 2.5, distribution: [] });
    await settle();
    expect(check()).toBe('Average 3.5 · 1 to 6');
  });

  it('shows the chance to reach a total', async () => {
    vi.useFakeTimers();
    await render('player');
    client.answers.set('dice.probability', (p) => ({ min: 6, max: 25, mean: 15.5, distribution: [], atLeast: p.atLeast === 15 ? 0.55 : undefined }));
    type('1d20+5');
    type('15', 'Chance to reach');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    await settle();
    expect(client.requests.at(-1)?.params).toEqual({ expression: '1d20+5', atLeast: 15 });
    expect(target.querySelector('output')?.textContent?.trim()).toBe('55% to roll 15 or more');
  });

  it('rolls with the chosen mode, and quick buttons build the expression', async () => {
    await render('player');
    button('d20').click();
    button('d20').click();
    flushSync();
    expect(labelled('Dice expression').value).toBe('2d20');
    type('1d20+5');
    button('Roll').click();
    const blind = labelled('Blind');
    blind.checked = true;
    blind.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button('Roll').click();
    expect(client.sent).toEqual([
      { type: 'dice.roll', payload: { expression: '1d20+5' } },
      { type: 'dice.roll', payload: { expression: '1d20+5', mode: 'blind' } },
    ]);
    expect([...target.querySelectorAll('fieldset legend')].map((l) => l.textContent?.trim())).toContain('Roll mode');
    expect([...target.querySelectorAll('input[type="radio"]')].map((r) => r.parentElement?.textContent?.trim())).toEqual([
      'Public',
      'GM only',
      'Blind',
      'Just me',
    ]);
  });

  it('says why a roll was refused', async () => {
    await render('player');
    type('1000000d1000000');
    button('Roll').click();
    client.acks.get('m-1')!.reject({ code: 'E007', message: 'At position 0: at most 1000 dice in all', details: { position: 0 } });
    await settle();
    expect(target.querySelector('[role="alert"]')?.textContent).toContain('Not rolled: At position 0: at most 1000 dice in all');
    expect(check()).toContain('at most 1000 dice in all');
  });

  it('gives spectators the history only', async () => {
    await render('spectator', [rolled(3)]);
    expect(target.querySelector('form')).toBeNull();
    expect(history().textContent).toContain('Bob');
  });
});
