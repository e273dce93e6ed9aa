import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ChatPanel from './ChatPanel.svelte';
import { TableModel, type TableClient } from './table-model.svelte';
import { FOUR_D6 } from './dice/test-rolls';
import { FakeTableClient } from './test-client';

function welcome(role: string) {
  return {
    type: 'welcome',
    payload: {
      protocol: 1,
      role,
      resumed: false,
      missed: 0,
      position: { epoch: 'E', seq: 5 },
      serverTime: 0,
      sessionName: 'Session 1',
      view: { seated: [{ userId: 'u2', displayName: 'Bob', role: 'player' }] },
      presence: { users: [] },
      chat: {
        items: [
          { id: 'ev:4', type: 'chat.posted', seq: 4, payload: { userId: 'u2', displayName: 'Bob', kind: 'emote', text: 'waves', to: 'table' } },
        ],
        nextBefore: 3,
      },
    },
  };
}

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let client: FakeTableClient;
let model: TableModel;

function render(role: string, waiting: FakeTableClient['waiting'] = []): void {
  client = new FakeTableClient();
  client.waiting = waiting;
  model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
  model.start();
  client.emit(welcome(role));
  app = mount(ChatPanel, { target, props: { model, now: 0, draftKey: 'chat:s1' } });
  flushSync();
}

function q<T extends Element>(selector: string): T {
  const el = target.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

function labelled(text: string): HTMLElement {
  const label = [...target.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  return q(`#${label!.htmlFor}`);
}

function typeAndEnter(text: string): void {
  const box = labelled('Message') as HTMLTextAreaElement;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  flushSync();
}

beforeEach(() => {
  sessionStorage.clear();
  target = document.createElement('div');
  document.body.append(target);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  target.remove();
});

describe('ChatPanel', () => {
  it('shows the log with emotes as "* name does x", and paging when there is more', () => {
    render('player');
    const log = q('[role="log"][aria-label="Chat messages"]');
    expect(log.textContent).toContain('* Bob waves');
    expect([...target.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('Load earlier messages');
  });

  it('sends on Enter, shows the line as sending, then as a normal line once acked and committed', () => {
    render('player');
    typeAndEnter('Hello there');
    expect(client.submitted).toEqual([{ id: 'm-1', type: 'chat.post', payload: { text: 'Hello there', kind: 'ooc' } }]);
    expect(q('[role="log"]').textContent).toContain('sending…');

    client.emit({ id: 'ev:6', type: 'chat.posted', seq: 6, payload: { userId: 'u1', displayName: 'Ada', kind: 'ooc', text: 'Hello there', to: 'table' } });
    client.emit({ type: 'ack', re: 'm-1', seq: 6, payload: { seq: 6, events: 1 } });
    const log = q('[role="log"]').textContent ?? '';
    expect(log).toContain('Hello there');
    expect(log).not.toContain('sending…');
    expect(log.match(/Hello there/g)).toHaveLength(1);
  });

  it('keeps an unsent draft across a remount (a reload, or a trip to sign in), and forgets it once sent', () => {
    render('player');
    const box = labelled('Message') as HTMLTextAreaElement;
    box.value = 'half a thought';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    unmount(app!);
    render('player');
    expect((labelled('Message') as HTMLTextAreaElement).value).toBe('half a thought');
    typeAndEnter('half a thought, finished');
    unmount(app!);
    render('player');
    expect((labelled('Message') as HTMLTextAreaElement).value).toBe('');
  });

  it('removes a refused line and says why in an alert', () => {
    render('player');
    typeAndEnter('Too much');
    client.emit({ type: 'error', re: 'm-1', payload: { code: 'E011', message: 'no' } });
    expect(q('[role="log"]').textContent).not.toContain('Too much');
    expect(q('[role="alert"]').textContent).toContain('Your role in this campaign does not allow that.');
  });

  it('whispers to the member chosen in "To" and marks it', () => {
    render('player');
    const toSelect = labelled('To') as HTMLSelectElement;
    expect([...toSelect.options].map((o) => o.textContent)).toEqual(['Everyone', 'GMs only', 'Bob']);
    toSelect.value = 'u2';
    toSelect.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    typeAndEnter('psst');
    expect(client.submitted[0]!.payload).toEqual({ text: 'psst', kind: 'ooc', to: ['u2'] });
    expect(q('[role="log"]').textContent).toContain('whisper to Bob');
  });

  it('offers announcements to GMs only', () => {
    render('player');
    const kinds = () => [...(labelled('Kind') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(kinds()).toEqual(['In character', 'Out of character', 'Emote']);
    unmount(app!);
    target.innerHTML = '';
    render('gm');
    expect(kinds()).toEqual(['In character', 'Out of character', 'Emote', 'Announcement']);
  });

  it('gives spectators no form, and says so', () => {
    render('spectator');
    expect(target.querySelector('form')).toBeNull();
    expect(target.textContent).toContain('You are watching this table as a spectator.');
  });

  it('marks messages written while offline', () => {
    render('player');
    client.status = { ...client.status, state: 'offline' };
    model.status = client.status;
    flushSync();
    typeAndEnter('later');
    expect(q('[role="log"]').textContent).toContain('will send when back online');
  });

  it('shows who is typing, and sends typing throttled', () => {
    render('player');
    client.emit({ type: 'typing', payload: { userId: 'u2', typing: true } });
    expect(target.textContent).toContain('Bob is typing…');
    const box = labelled('Message');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(client.ephemerals).toEqual([{ type: 'typing', payload: { typing: true } }]);
  });

  it('shows the unanswered lines of a previous page as sending, and settles them by the replayed ack', async () => {
    const frame = JSON.stringify({ id: 'old-1', type: 'chat.post', payload: { text: 'before the reload', kind: 'ic' } });
    render('player', [{ id: 'old-1', type: 'chat.post', frame, created: 1 }]);
    await Promise.resolve();
    flushSync();
    expect(q('[role="log"]').textContent).toContain('before the reload');
    expect(q('[role="log"]').textContent).toContain('sending…');
    client.emit({ type: 'ack', re: 'old-1', seq: 3, payload: { seq: 3, events: 1, duplicate: true } });
    expect(q('[role="log"]').textContent).not.toContain('before the reload');
  });

  it('shows an inline roll as a button with its total that shows the breakdown', () => {
    render('player');
    const text = 'I hit for [[4d6dl1]] damage';
    client.emit({
      id: 'ev:7',
      type: 'chat.posted',
      seq: 7,
      payload: {
        userId: 'u2',
        displayName: 'Bob',
        kind: 'ic',
        text,
        to: 'table',
        rolls: [{ start: 10, end: 20, notation: '4d6dl1', result: FOUR_D6, text: '4d6dl1 → [6, 5, 3, ~1~] = 14' }],
      },
    });
    const button = q<HTMLButtonElement>('[role="log"] button.inline-roll');
    expect(button.textContent).toBe('Inline roll 4d6dl1: 14');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const breakdown = q<HTMLElement>(`[id="${button.getAttribute('aria-controls')}"]`);
    expect(breakdown.hidden).toBe(true);
    button.click();
    flushSync();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(breakdown.hidden).toBe(false);
    expect(breakdown.textContent).toContain('4d6dl1 → [6, 5, 3, ~1~] = 14');
    expect(q('[role="log"]').textContent).toContain('I hit for');
    expect(q('[role="log"]').textContent).toContain('damage');
    expect(q('[role="log"]').textContent).not.toContain('[[4d6dl1]]');
  });
});
