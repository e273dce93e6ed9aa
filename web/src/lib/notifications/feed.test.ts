import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { NotificationsFeed, kindLabel, type FeedState } from './feed';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((e: { data: string }) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (e: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, frame: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(frame) });
  }
  close() {
    this.closed = true;
  }
}

function frame(seq: number, body: string) {
  return { type: 'notification.added', seq, timestamp: 1000 + seq, payload: { kind: 'whisper', title: 'Alice whispers', body, sessionId: 's1' } };
}

describe('NotificationsFeed', () => {
  let calls: { method: string; path: string; body?: unknown }[];
  let tickets: number;
  let state: FeedState;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    calls = [];
    tickets = 0;
  });
  afterEach(() => vi.useRealTimers());

  function feed(token: string | null = 'T') {
    const f = new NotificationsFeed({
      accessToken: async () => token,
      random: () => 0.5,
      EventSource: FakeEventSource as unknown as typeof EventSource,
      request: async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
        calls.push({ method, path, body });
        if (path.startsWith('/api/notifications?')) {
          return { unread: 1, readUpTo: 0, latestSeq: 1, items: [frame(1, 'first')], nextBefore: null } as T;
        }
        if (path === '/api/realtime/ticket') return { ticket: `ticket-${++tickets}` } as T;
        if (path === '/api/notifications/read') return { unread: 0, readUpTo: 3, latestSeq: 3 } as T;
        throw new Error(`unexpected ${method} ${path}`);
      },
    });
    f.subscribe((s) => (state = s));
    return f;
  }

  test('loads the page, then follows the stream from its latest seq with a ticket', async () => {
    const f = feed();
    await f.start();
    await vi.runAllTimersAsync();
    expect(state.unread).toBe(1);
    expect(state.items.map((i) => i.body)).toEqual(['first']);
    const es = FakeEventSource.instances[0]!;
    expect(es.url).toBe('/sse/notifications?lastEventId=1&ticket=ticket-1');
    es.emit('welcome', {});
    es.emit('notification.added', frame(2, 'second'));
    es.emit('notification.added', frame(2, 'second')); // a redelivery changes nothing
    expect(state.live).toBe(true);
    expect(state.unread).toBe(2);
    expect(state.items.map((i) => i.body)).toEqual(['second', 'first']);
  });

  test('mark all read posts the latest seq, and a read from another device clears the badge', async () => {
    const f = feed();
    await f.start();
    await vi.runAllTimersAsync();
    const es = FakeEventSource.instances[0]!;
    es.emit('notification.added', frame(2, 'second'));
    await f.markAllRead();
    expect(calls.at(-1)).toEqual({ method: 'POST', path: '/api/notifications/read', body: { upToSeq: 2 } });
    expect(state.unread).toBe(0);
    es.emit('notification.added', frame(4, 'third'));
    expect(state.unread).toBe(1);
    es.emit('notifications.read', { type: 'notifications.read', seq: 5, payload: { upToSeq: 4 } });
    expect(state.unread).toBe(0);
    expect(state.readUpTo).toBe(4);
  });

  test('a broken stream reconnects with backoff, a new ticket and the last seq seen', async () => {
    const f = feed();
    await f.start();
    await vi.runAllTimersAsync();
    const first = FakeEventSource.instances[0]!;
    first.emit('notification.added', frame(7, 'late'));
    first.onerror?.();
    expect(first.closed).toBe(true);
    expect(state.live).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    const second = FakeEventSource.instances[1]!;
    expect(second.url).toBe('/sse/notifications?lastEventId=7&ticket=ticket-2');
    f.stop();
    second.onerror?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  test('local mode needs no ticket', async () => {
    const f = feed(null);
    await f.start();
    await vi.runAllTimersAsync();
    expect(FakeEventSource.instances[0]!.url).toBe('/sse/notifications?lastEventId=1');
    expect(calls.some((c) => c.path === '/api/realtime/ticket')).toBe(false);
  });
});

describe('kindLabel', () => {
  test('labels the kinds the client knows, turns included, and nothing for an unknown kind', () => {
    expect(kindLabel('whisper')).toBe('Whisper');
    expect(kindLabel('turn')).toBe('Combat turn');
    expect(kindLabel('something_new')).toBeNull();
    expect(kindLabel('toString')).toBeNull();
  });
});
