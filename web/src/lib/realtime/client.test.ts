import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { humanMessage, type HearthError } from '../errors';
import type { TokenSource } from '../tokens';
import { RealtimeClient, type ClientOptions } from './client';
import type { Envelope } from './envelope';
import { IndexedDbOutbox, MemoryOutbox } from './outbox';
import { SseTransport } from './sse';
import {
  chatEvent,
  FakeEventSource,
  fakeFetch,
  FakeNetwork,
  FakeWebSocket,
  welcomeFrame,
} from './test-fakes';
import type { TransportFactory } from './transport';
import { WebSocketTransport } from './websocket';

/** Lets IndexedDB (setImmediate) and promise chains run; timers stay fake. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}

type SignedOut = ReturnType<typeof vi.fn<() => void>>;

function localTokens(): TokenSource & { signedOut: SignedOut } {
  return { accessToken: async () => null, signedOut: vi.fn<() => void>() };
}

function tokenSequence(...tokens: string[]): TokenSource & { signedOut: SignedOut; calls: number } {
  const source = {
    calls: 0,
    accessToken: async () => tokens[Math.min(source.calls++, tokens.length - 1)] ?? null,
    signedOut: vi.fn<() => void>(),
  };
  return source;
}

const sseFetch = fakeFetch({
  'POST /api/realtime/ticket': () => ({ status: 200, body: { ticket: 'T1', expiresInSeconds: 30 } }),
  'GET /api/sessions/s1/map': () => ({ status: 200, body: { map: { movesOnTurnOnly: false, scenes: [] }, seq: 4 } }),
  'GET /api/sessions/s1/dice/probability?': () => ({ status: 200, body: { min: 1, max: 20, mean: 10.5, distribution: [], atLeast: 0.3 } }),
  'POST /api/sessions/s1/commands': (call) => {
    const id = (JSON.parse(call.body ?? '{}') as { id: string }).id;
    return { status: 200, body: { type: 'ack', re: id, seq: 21, events: 1 } };
  },
});

function transports(tokens: TokenSource): TransportFactory {
  return {
    websocket: (events) => new WebSocketTransport('ws://test/ws/session/s1', events, FakeWebSocket as never),
    sse: (events, lastSeq) =>
      new SseTransport({ sessionId: 's1', tokens, fetch: sseFetch.fetch, EventSource: FakeEventSource as never }, events, lastSeq),
  };
}

function client(extra: Partial<ClientOptions> = {}): RealtimeClient {
  const tokens = extra.tokens ?? localTokens();
  let n = 0;
  return new RealtimeClient({
    sessionId: 's1',
    userId: 'u1',
    tokens,
    transports: transports(tokens),
    outbox: new MemoryOutbox(),
    ids: () => `m-${++n}`,
    random: () => 0,
    network: null,
    ...extra,
  });
}

/** Opens the latest socket and welcomes it at `seq`. */
async function welcome(seq: number, extra: Parameters<typeof welcomeFrame>[0] | object = {}): Promise<FakeWebSocket> {
  const ws = FakeWebSocket.last;
  ws.accept();
  await settle();
  ws.deliver(welcomeFrame({ seq, ...extra }));
  await settle();
  return ws;
}

/** Advances time while the server beats every 25 s, as a live server does. */
async function keepAlive(ws: FakeWebSocket, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 25_000) {
    await vi.advanceTimersByTimeAsync(Math.min(25_000, left));
    ws.deliver({ type: 'heartbeat', payload: { serverTime: Date.now() } });
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  FakeWebSocket.reset();
  FakeEventSource.reset();
  sseFetch.calls.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeClient: connecting', () => {
  it('says hello without a token in local mode and is open at the welcome', async () => {
    const c = client();
    const states: string[] = [];
    c.onStatus((s) => states.push(s.state));
    const connected = c.connect();
    const ws = await welcome(5);
    await connected;
    expect(ws.framesOf('hello')[0]!.payload).toEqual({});
    expect(c.state).toBe('open');
    expect(states).toEqual(['closed', 'connecting', 'open']);
  });

  it('measures latency from heartbeat round trips', async () => {
    const c = client();
    void c.connect();
    const ws = await welcome(0);
    const beat = ws.framesOf('heartbeat')[0]!;
    await vi.advanceTimersByTimeAsync(23);
    ws.deliver({ type: 'heartbeat', re: beat.id, payload: { serverTime: 1 } });
    expect(c.latency).toBe(23);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(ws.framesOf('heartbeat')).toHaveLength(2);
  });

  it('reconnects with backoff and resumes from the last seq, dropping events seen already', async () => {
    const c = client();
    const seen: number[] = [];
    c.on('chat.posted', (f) => seen.push(f.seq!));
    void c.connect();
    const first = await welcome(10);
    first.deliver(chatEvent(11));
    first.deliver(chatEvent(12));
    first.drop(1006);
    expect(c.state).toBe('reconnecting');

    await vi.advanceTimersByTimeAsync(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // attempt 0 with random 0: 500 ms
    expect(FakeWebSocket.instances).toHaveLength(2);

    const second = FakeWebSocket.last;
    second.accept();
    await settle();
    expect(second.framesOf('hello')[0]!.payload).toEqual({ resume: { epoch: 'E1', lastSeq: 12 } });
    second.deliver(welcomeFrame({ seq: 13, resumed: true, missed: 1 }));
    second.deliver(chatEvent(12)); // a redelivery
    second.deliver(chatEvent(13));
    second.deliver(chatEvent(13));
    expect(seen).toEqual([11, 12, 13]);
    expect(c.position.lastSeq).toBe(13);
  });

  it('stops for good when removed from the campaign (4403)', async () => {
    const c = client();
    void c.connect().catch(() => undefined);
    const ws = await welcome(1);
    ws.deliver({ type: 'error', payload: { code: 'E005', message: 'removed' } });
    ws.drop(4403);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(c.state).toBe('closed');
    expect(FakeWebSocket.instances).toHaveLength(1);
    let problem = '';
    c.onStatus((s) => (problem = s.problem?.message ?? ''));
    expect(problem).toBe(humanMessage({ code: 'E005', message: '' }));
  });

  it('goes offline at once and reconnects at once when back online', async () => {
    const network = new FakeNetwork();
    const c = client({ network });
    void c.connect();
    await welcome(1);
    network.set(false);
    expect(c.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    network.set(true);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(c.state).toBe('reconnecting');
  });
});

describe('RealtimeClient: commands and the outbox', () => {
  it('resolves a command with its ack and empties the outbox', async () => {
    const outbox = new MemoryOutbox();
    const c = client({ outbox });
    void c.connect();
    const ws = await welcome(1);
    const ack = c.send('chat.post', { text: 'hi', kind: 'ooc' });
    await settle();
    const sent = ws.framesOf('chat.post')[0]!;
    expect(sent).toEqual({ id: 'm-3', type: 'chat.post', payload: { text: 'hi', kind: 'ooc' } });
    ws.deliver({ type: 'ack', re: sent.id, seq: 2, payload: { seq: 2, events: 1 } });
    await expect(ack).resolves.toEqual({ seq: 2, events: 1 });
    await settle();
    expect(await outbox.list()).toEqual([]);
  });

  it('resends an unanswered command after a reconnect with its id, and a duplicate ack resolves the original send', async () => {
    const c = client();
    void c.connect();
    const first = await welcome(1);
    const ack = c.send('chat.post', { text: 'Roll initiative.', kind: 'ic', as: 'The Narrator' });
    await settle();
    const original = first.sent.find((t) => t.includes('chat.post'))!;
    first.drop(1006);
    await vi.advanceTimersByTimeAsync(500);
    const second = await welcome(2, { resumed: true, missed: 0 });
    const resent = second.sent.filter((t) => t.includes('chat.post'));
    expect(resent).toEqual([original]); // the same bytes, once
    const id = (JSON.parse(original) as Envelope).id;
    second.deliver({ type: 'ack', re: id, seq: 2, payload: { seq: 2, events: 1, duplicate: true } });
    await expect(ack).resolves.toEqual({ seq: 2, events: 1, duplicate: true });
  });

  it('keeps commands across a reload in IndexedDB and replays them once, in order, with the original ids', async () => {
    const idb = new IDBFactory();
    const before = client({ outbox: new IndexedDbOutbox('session:s1', 'u1', idb), ids: (() => { let n = 0; return () => `old-${++n}`; })() });
    void before.connect();
    // Still connecting (no welcome): the commands wait in the outbox.
    void before.send('chat.post', { text: 'one' });
    void before.send('chat.post', { text: 'two' });
    await settle();
    before.disconnect(); // the page goes away

    FakeWebSocket.reset();
    const after = client({ outbox: new IndexedDbOutbox('session:s1', 'u1', idb) });
    expect((await after.pending()).map((e) => e.id)).toEqual(['old-1', 'old-2']);
    void after.connect();
    const ws = await welcome(7);
    await settle();
    const replayed = ws.framesOf('chat.post');
    expect(replayed.map((f) => [f.id, f.payload.text])).toEqual([
      ['old-1', 'one'],
      ['old-2', 'two'],
    ]);
    ws.deliver({ type: 'ack', re: 'old-1', seq: 8, payload: { seq: 8, events: 1 } });
    ws.deliver({ type: 'ack', re: 'old-2', seq: 9, payload: { seq: 9, events: 1, duplicate: true } });
    await settle();
    expect(await after.pending()).toEqual([]);
    expect(ws.framesOf('chat.post')).toHaveLength(2);
  });

  it('a refusal rejects the send with the error, removes it from the outbox and never resends it', async () => {
    const outbox = new MemoryOutbox();
    const c = client({ outbox });
    void c.connect();
    const ws = await welcome(1);
    const ack = c.send('chat.post', { text: 'hi', kind: 'announcement' });
    await settle();
    const id = ws.framesOf('chat.post')[0]!.id;
    ws.deliver({ type: 'error', re: id, payload: { code: 'E011', message: 'no', details: { permission: 'announce' } } });
    const error = (await ack.catch((e: HearthError) => e)) as HearthError;
    expect(humanMessage(error)).toBe('Your role in this campaign does not allow that.');
    await settle();
    expect(await outbox.list()).toEqual([]);
    ws.drop(1006);
    await vi.advanceTimersByTimeAsync(500);
    const again = await welcome(1, { resumed: true });
    expect(again.framesOf('chat.post')).toEqual([]);
  });

  it('resends with the same id after the wait a busy server asks for (E008)', async () => {
    const c = client();
    void c.connect();
    const ws = await welcome(1);
    const ack = c.send('chat.post', { text: 'hi' });
    await settle();
    const id = ws.framesOf('chat.post')[0]!.id;
    ws.deliver({ type: 'error', re: id, payload: { code: 'E008', message: 'busy', retryAfter: 2 } });
    await vi.advanceTimersByTimeAsync(1999);
    expect(ws.framesOf('chat.post')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(ws.framesOf('chat.post').map((f) => f.id)).toEqual([id, id]);
    ws.deliver({ type: 'ack', re: id, seq: 2, payload: { seq: 2, events: 1 } });
    await expect(ack).resolves.toMatchObject({ seq: 2 });
  });

  it('answers requests by re, and rejects them on a refusal', async () => {
    const c = client();
    void c.connect();
    const ws = await welcome(1);
    const page = c.request<{ nextBefore: number | null }>('chat.history', { before: 40 });
    const bad = c.request('nope');
    const [history, unknown] = ws.framesOf('request');
    expect(history!.payload).toEqual({ method: 'chat.history', params: { before: 40 } });
    ws.deliver({ type: 'reply', re: history!.id, payload: { items: [], nextBefore: null } });
    ws.deliver({ type: 'error', re: unknown!.id, payload: { code: 'E007', message: 'Unknown method.' } });
    await expect(page).resolves.toEqual({ items: [], nextBefore: null });
    await expect(bad).rejects.toMatchObject({ code: 'E007' });
  });
});

describe('RealtimeClient: tokens', () => {
  it('sends a fresh token in-band before the current one expires', async () => {
    const tokens = tokenSequence('t1', 't2');
    const c = client({ tokens });
    void c.connect();
    const now = Date.now();
    const ws = await welcome(1, { serverTime: now, tokenExpiresAt: now + 15 * 60_000 });
    expect(ws.framesOf('hello')[0]!.payload).toEqual({ token: 't1' });
    await keepAlive(ws, 14 * 60_000 - 1);
    expect(ws.framesOf('auth')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(ws.framesOf('auth').map((f) => f.payload)).toEqual([{ token: 't2' }]);
  });

  it('reconnects with a new token after 4401 token_expired', async () => {
    const tokens = tokenSequence('t1', 't2');
    const c = client({ tokens });
    void c.connect();
    const ws = await welcome(3);
    ws.deliver({ type: 'error', payload: { code: 'E002', message: 'expired', details: { reason: 'token_expired' } } });
    ws.drop(4401);
    await vi.advanceTimersByTimeAsync(0);
    const next = FakeWebSocket.last;
    expect(next).not.toBe(ws);
    next.accept();
    await settle();
    expect(next.framesOf('hello')[0]!.payload).toEqual({ token: 't2', resume: { epoch: 'E1', lastSeq: 3 } });
    expect(tokens.signedOut).not.toHaveBeenCalled();
  });

  it('tells the app when the sign-in ended, and stops', async () => {
    const tokens = tokenSequence('t1');
    const c = client({ tokens });
    void c.connect().catch(() => undefined);
    const ws = await welcome(3);
    ws.deliver({ type: 'error', payload: { code: 'E002', message: 'ended', details: { reason: 'signed_out' } } });
    ws.drop(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tokens.signedOut).toHaveBeenCalledOnce();
    expect(c.state).toBe('closed');
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('RealtimeClient: SSE fallback', () => {
  it('falls back to SSE after WebSocket fails three times, writes over HTTP, and returns to WebSocket without losing or doubling events', async () => {
    const tokens = tokenSequence('t1');
    const c = client({ tokens });
    const seen: number[] = [];
    c.on('chat.posted', (f) => seen.push(f.seq!));
    void c.connect();
    const ws1 = await welcome(10);
    ws1.deliver(chatEvent(11));
    ws1.drop(1006); // the network changes; the new one blocks upgrades
    for (const delay of [500, 1000, 2000]) {
      await vi.advanceTimersByTimeAsync(delay); // backoff with random 0: half of 1, 2, 4 s
      FakeWebSocket.last.refuse();
    }
    expect(FakeWebSocket.instances).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(0);
    await settle();
    expect(FakeEventSource.instances).toHaveLength(1);
    const es = FakeEventSource.instances[0]!;
    expect(es.url).toBe('/sse/activity/s1?ticket=T1&lastEventId=11');
    expect(sseFetch.calls[0]).toMatchObject({ method: 'POST', url: '/api/realtime/ticket', authorization: 'Bearer t1' });

    let status = c.onStatus(() => undefined) && '';
    c.onStatus((s) => (status = `${s.state}/${s.transport}`));
    es.accept();
    es.deliver(welcomeFrame({ seq: 12, resumed: true, missed: 1 }));
    es.deliver(chatEvent(12));
    expect(status).toBe('open/sse');

    const ack = c.send('chat.post', { text: 'over http' });
    await settle();
    const post = sseFetch.calls.find((x) => x.url === '/api/sessions/s1/commands')!;
    expect(JSON.parse(post.body!)).toEqual({ id: expect.any(String), type: 'chat.post', payload: { text: 'over http' } });
    await expect(ack).resolves.toEqual({ seq: 21, events: 1 });

    // A minute later the client tries WebSocket again; it works.
    const sockets = FakeWebSocket.instances.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(sockets + 1);
    const probe = FakeWebSocket.last;
    probe.accept();
    await settle();
    expect(probe.framesOf('hello')[0]!.payload).toMatchObject({ resume: { lastSeq: 12 } });
    es.deliver(chatEvent(13)); // still live on SSE meanwhile
    probe.deliver(welcomeFrame({ seq: 13, resumed: true, missed: 1 }));
    await settle();
    expect(es.closed).toBe(true);
    const back = FakeWebSocket.last;
    expect(back).not.toBe(probe);
    back.accept();
    await settle();
    expect(back.framesOf('hello')[0]!.payload).toMatchObject({ resume: { lastSeq: 13 } });
    back.deliver(welcomeFrame({ seq: 14, resumed: true, missed: 1 }));
    back.deliver(chatEvent(13)); // overlap with what SSE delivered: dropped
    back.deliver(chatEvent(14));
    expect(status).toBe('open/websocket');
    expect(seen).toEqual([11, 12, 13, 14]);
  });

  it('uses SSE at once when forced (?transport=sse), with no ticket in local mode', async () => {
    const c = client({ force: 'sse' });
    void c.connect();
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(FakeEventSource.instances[0]!.url).toBe('/sse/activity/s1');
    expect(sseFetch.calls).toEqual([]);
  });

  it('over SSE, receives dice and combat frames and reads them through their REST twins', async () => {
    const c = client({ force: 'sse' });
    const seen: string[] = [];
    for (const type of ['dice.rolled', 'combat.turn_started', 'combat.view']) c.on(type, (f) => seen.push(f.type));
    void c.connect();
    await settle();
    const es = FakeEventSource.instances[0]!;
    es.accept();
    es.deliver(welcomeFrame({ seq: 1 }));
    await settle();
    es.deliver({ id: 'ev:2', type: 'dice.rolled', seq: 2 });
    es.deliver({ id: 'ev:3', type: 'combat.turn_started', seq: 3 });
    es.deliver({ type: 'combat.view', payload: { encounter: {}, seq: 3 } });
    expect(seen).toEqual(['dice.rolled', 'combat.turn_started', 'combat.view']);

    const odds = c.request<{ atLeast: number }>('dice.probability', { expression: '1d20+5', atLeast: 20 });
    await settle();
    expect((await odds).atLeast).toBe(0.3);
    expect(sseFetch.calls.at(-1)!.url).toBe('/api/sessions/s1/dice/probability?expression=1d20%2B5&atLeast=20');
  });

  it('over SSE, receives map.changed, ruler and ping frames, reads the map through GET /api/sessions/{id}/map, and posts rulers and pings', async () => {
    const c = client({ force: 'sse' });
    const seen: string[] = [];
    for (const type of ['map.changed', 'ruler', 'ping']) c.on(type, (f) => seen.push(f.type));
    void c.connect();
    await settle();
    const es = FakeEventSource.instances[0]!;
    es.accept();
    es.deliver(welcomeFrame({ seq: 1 }));
    await settle();
    es.deliver({ id: 'ev:2', type: 'map.changed', seq: 2, payload: { userId: 'u1', changes: [] } });
    es.deliver({ type: 'ruler', payload: { userId: 'u2', scene: 's', points: [] } });
    es.deliver({ type: 'ping', payload: { userId: 'u2', scene: 's', x: 1, y: 2 } });
    expect(seen).toEqual(['map.changed', 'ruler', 'ping']);
    const map = c.request<{ seq: number }>('map.view', {});
    await settle();
    expect((await map).seq).toBe(4);
    expect(sseFetch.calls.at(-1)!.url).toBe('/api/sessions/s1/map');
    c.ephemeral('ruler', { scene: 's', points: [] });
    await settle();
    expect(sseFetch.calls.at(-1)!.url).toBe('/api/realtime/ruler');
    c.ephemeral('ping', { scene: 's', x: 1, y: 2 });
    await settle();
    expect(sseFetch.calls.at(-1)!.url).toBe('/api/realtime/ping');
    expect(JSON.parse(sseFetch.calls.at(-1)!.body!)).toEqual({ session: 's1', scene: 's', x: 1, y: 2 });
  });

  it('counts a WebSocket that opens but never welcomes as failed', async () => {
    const c = client({ wsFailuresBeforeFallback: 1, welcomeTimeoutMs: 5_000 });
    void c.connect();
    FakeWebSocket.last.accept(); // e.g. a test double swallowing frames
    await vi.advanceTimersByTimeAsync(4_999);
    expect(c.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.last.closedBy).toBe(4000);
    await vi.advanceTimersByTimeAsync(1); // the switch to SSE is immediate (a 0 ms timer)
    await settle();
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
