// Fakes for the realtime tests: a scriptable WebSocket, EventSource and fetch, and a network.
// Not imported by the app.
import type { Envelope } from './envelope';

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closedBy: number | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static get last(): FakeWebSocket {
    const ws = FakeWebSocket.instances.at(-1);
    if (!ws) throw new Error('no socket was opened');
    return ws;
  }

  send(text: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(text);
  }

  close(code = 1000): void {
    this.closedBy = code;
    this.readyState = 3;
  }

  // --- the server's side
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  /** A proxy that refuses the upgrade: an error and a close, never an open. */
  refuse(): void {
    this.readyState = 3;
    this.onerror?.();
    this.onclose?.({ code: 1006, reason: '' });
  }

  deliver(frame: Partial<Envelope> & { type: string }): void {
    this.onmessage?.({ data: JSON.stringify({ id: 'srv:x', payload: {}, ...frame }) });
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  frames(): Envelope[] {
    return this.sent.map((t) => JSON.parse(t) as Envelope);
  }

  framesOf(type: string): Envelope[] {
    return this.frames().filter((f) => f.type === type);
  }
}

export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((e: Event) => void)[]>();
  onopen: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  static reset(): void {
    FakeEventSource.instances = [];
  }

  addEventListener(type: string, l: (e: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }

  close(): void {
    this.closed = true;
  }

  accept(): void {
    this.onopen?.();
  }

  deliver(frame: Partial<Envelope> & { type: string }): void {
    const data = JSON.stringify({ id: 'srv:x', payload: {}, ...frame });
    this.dispatch(frame.type, new MessageEvent(frame.type, { data }));
  }

  dispatch(type: string, e: Event): void {
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
}

export interface FetchCall {
  url: string;
  method: string;
  body: string | null;
  authorization: string | null;
}

/** fetch answering by `METHOD path` prefix; records every call. */
export function fakeFetch(routes: Record<string, (call: FetchCall) => { status: number; body: unknown }>) {
  const calls: FetchCall[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call: FetchCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? init.body : null,
      authorization: headers.get('Authorization'),
    };
    calls.push(call);
    const key = Object.keys(routes).find((k) => `${call.method} ${call.url}`.startsWith(k));
    const answer = key ? routes[key]!(call) : { status: 404, body: { code: 'E006', message: 'no route' } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fn as typeof fetch, calls };
}

export class FakeNetwork {
  private readonly listeners = new Map<string, Set<() => void>>();
  navigator = { onLine: true };

  addEventListener(type: string, l: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(l);
  }

  removeEventListener(type: string, l: () => void): void {
    this.listeners.get(type)?.delete(l);
  }

  set(online: boolean): void {
    this.navigator.onLine = online;
    for (const l of this.listeners.get(online ? 'online' : 'offline') ?? []) l();
  }
}

/** A welcome as the server sends it. */
export function welcomeFrame(p: { seq: number; resumed?: boolean; missed?: number; role?: string; tokenExpiresAt?: number; serverTime?: number }) {
  const payload: Record<string, unknown> = {
    protocol: 1,
    connectionId: 'c',
    channel: 'session',
    userId: 'u1',
    displayName: 'Ada',
    role: p.role ?? 'gm',
    serverTime: p.serverTime ?? Date.now(),
    position: { epoch: 'E1', seq: p.seq },
    resumed: p.resumed ?? false,
    missed: p.missed ?? 0,
  };
  if (p.tokenExpiresAt !== undefined) payload.tokenExpiresAt = p.tokenExpiresAt;
  if (!p.resumed) {
    payload.view = { seated: [] };
    payload.presence = { users: [] };
    payload.chat = { items: [], nextBefore: null };
  }
  return { type: 'welcome', sessionId: 's1', payload };
}

export function chatEvent(seq: number, text = `line ${seq}`): Partial<Envelope> & { type: string } {
  return {
    id: `ev:${seq}`,
    type: 'chat.posted',
    seq,
    userId: 'u2',
    sessionId: 's1',
    payload: { userId: 'u2', displayName: 'Bob', kind: 'ooc', text, to: 'table' },
  };
}
