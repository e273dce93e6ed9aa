// RealtimeClient: one live connection to a game session's table (docs/protocol.md), over WebSocket
// or, when upgrades are blocked, SSE + HTTP. It owns the protocol rules: hello and welcome, the
// position (epoch, last seq) and resume, dedupe by seq, the outbox of unanswered commands,
// request/reply correlation, heartbeats and latency, in-band re-authentication, reconnect with
// backoff, and the choice of transport. Transports only move frames.
import { humanMessage, type HearthError } from '../errors';
import type { TokenSource } from '../tokens';
import { backoffDelay } from './backoff';
import {
  errorOf,
  isEvent,
  PROTOCOL,
  type Ack,
  type ConnectionState,
  type Envelope,
  type TransportKind,
  type WelcomePayload,
} from './envelope';
import { messageIds, type IdSource } from './ids';
import { outboxFor, type Outbox, type OutboxEntry } from './outbox';
import { SseTransport } from './sse';
import type { Closed, Transport, TransportEvents, TransportFactory } from './transport';
import { sessionSocketUrl, WebSocketTransport } from './websocket';

export type FrameHandler = (frame: Envelope) => void;

/** Why the client stopped for good (state `closed` after a refusal). */
export interface Problem {
  reason: 'signed_out' | 'not_member' | 'update_required' | 'refused';
  message: string;
}

export interface ConnectionStatus {
  state: ConnectionState;
  transport: TransportKind;
  /** Round trip of the last heartbeat, ms; null until measured (and on SSE, which has no heartbeat). */
  latency: number | null;
  /** While `reconnecting`: when the next attempt starts (ms since the epoch), else null. */
  retryAt: number | null;
  problem: Problem | null;
}

/** What the window tells about the network; injected by tests. */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
  readonly navigator?: { readonly onLine?: boolean };
}

export interface ClientOptions {
  sessionId: string;
  userId: string;
  tokens: TokenSource;
  transports?: TransportFactory;
  outbox?: Outbox;
  ids?: IdSource;
  random?: () => number;
  now?: () => number;
  network?: NetworkEvents | null;
  /** Force one transport (no fallback, no probing); see transportPreference(). */
  force?: TransportKind | null;
  /** Failures of WebSocket before its welcome, in a row, after which SSE is used. */
  wsFailuresBeforeFallback?: number;
  /** While on SSE, how often to try WebSocket again. */
  probeIntervalMs?: number;
  /** The protocol closes a connection silent for 60 s; it asks for a heartbeat after ~25 s. */
  heartbeatIntervalMs?: number;
  requestTimeoutMs?: number;
  /** A transport that opened but brought no welcome (a proxy swallowing frames) counts as failed. */
  welcomeTimeoutMs?: number;
  device?: string;
}

const MAX_FRAME_BYTES = 65_536;
/** Nothing heard for this long on a WebSocket (the server beats every 30 s): the connection is dead. */
const SILENCE_MS = 70_000;
/** Send `auth` this long before the token expires. */
const AUTH_AHEAD_MS = 60_000;

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: HearthError): void;
}

export class RealtimeClient {
  private readonly o: Required<Omit<ClientOptions, 'network' | 'force' | 'device'>> & Pick<ClientOptions, 'network' | 'force' | 'device'>;
  private readonly handlers = new Map<string, Set<FrameHandler>>();
  private readonly statusListeners = new Set<(s: ConnectionStatus) => void>();
  private status: ConnectionStatus;

  private transport: Transport | null = null;
  private generation = 0;
  private welcomed = false;
  private everWelcomed = false;
  private stopped = true;
  private mode: TransportKind;
  private attempt = 0;
  private wsFailures = 0;
  private authFailures = 0;
  private connError: HearthError | null = null;

  private lastSeq: number | null = null;
  private epoch: string | null = null;
  private missedLeft = 0;
  private positionAfterMissed = 0;

  private readonly commands = new Map<string, Waiter<Ack>>();
  private readonly requests = new Map<string, Waiter<unknown> & { timer: ReturnType<typeof setTimeout> }>();
  private readonly sentHere = new Set<string>();
  private readonly control = new Map<string, number>();
  private serial: Promise<unknown> = Promise.resolve();

  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private welcomeTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private authTimer: ReturnType<typeof setTimeout> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private probe: Transport | null = null;
  private lastHeard = 0;
  private serverOffset = 0;
  private tokenExpiresAt: number | null = null;
  private connected: Waiter<void> | null = null;

  constructor(options: ClientOptions) {
    this.o = {
      transports: browserTransports(options.sessionId, options.tokens),
      outbox: options.outbox ?? outboxFor(`session:${options.sessionId}`, options.userId),
      ids: messageIds(),
      random: Math.random,
      now: Date.now,
      wsFailuresBeforeFallback: 3,
      probeIntervalMs: 60_000,
      heartbeatIntervalMs: 25_000,
      requestTimeoutMs: 10_000,
      welcomeTimeoutMs: 10_000,
      ...options,
      network: options.network === undefined ? (typeof window === 'undefined' ? null : window) : options.network,
    };
    this.mode = options.force ?? 'websocket';
    this.status = { state: 'closed', transport: this.mode, latency: null, retryAt: null, problem: null };
  }

  // ------------------------------------------------------------------ the public surface

  get state(): ConnectionState {
    return this.status.state;
  }

  get latency(): number | null {
    return this.status.latency;
  }

  /** The highest event seq seen (what a resume asks after), or null before the first welcome. */
  get position(): { epoch: string | null; lastSeq: number | null } {
    return { epoch: this.epoch, lastSeq: this.lastSeq };
  }

  /** Resolves at the first welcome; rejects if the server refuses the connection for good. */
  connect(): Promise<void> {
    if (!this.stopped) return Promise.resolve();
    this.stopped = false;
    this.status = { ...this.status, problem: null };
    this.o.network?.addEventListener('offline', this.wentOffline);
    this.o.network?.addEventListener('online', this.cameOnline);
    const connected = new Promise<void>((resolve, reject) => (this.connected = { resolve, reject }));
    this.open();
    return connected;
  }

  /** Closes and stops reconnecting. Unanswered commands stay in the outbox for the next connect. */
  disconnect(): void {
    this.stopped = true;
    this.o.network?.removeEventListener('offline', this.wentOffline);
    this.o.network?.removeEventListener('online', this.cameOnline);
    this.drop(1000, 'bye');
    this.update({ state: 'closed', retryAt: null });
  }

  /**
   * Sends a command through the outbox: it is stored first, sent now if connected, else at the next
   * welcome, and resent with the same id until answered. Resolves with its ack (`duplicate: true` if
   * the server had committed it before); rejects with the refusal once the server refuses it.
   */
  send(type: string, payload: Record<string, unknown> = {}): Promise<Ack> {
    return this.submit(type, payload).ack;
  }

  /** `send`, also telling the message id (optimistic UI keys its pending line by it). */
  submit(type: string, payload: Record<string, unknown> = {}): { id: string; ack: Promise<Ack> } {
    const id = this.o.ids();
    const text = JSON.stringify({ id, type, payload });
    if (new TextEncoder().encode(text).length > MAX_FRAME_BYTES) {
      const tooLarge: HearthError = { code: 'E003', message: '', details: { limitBytes: MAX_FRAME_BYTES } };
      return { id, ack: Promise.reject(tooLarge) };
    }
    const entry: OutboxEntry = { id, type, frame: text, created: this.o.now() };
    const ack = new Promise<Ack>((resolve, reject) => this.commands.set(id, { resolve, reject }));
    void this.inOrder(async () => {
      await this.o.outbox.add(entry);
      if (this.welcomed) this.transmit(entry);
    });
    return { id, ack };
  }

  /** The commands still waiting for an answer, oldest first (after a reload: those of the last page). */
  pending(): Promise<OutboxEntry[]> {
    return this.inOrder(() => this.o.outbox.list());
  }

  /** A read (`chat.history`, `activity.feed`, `presence.list`), answered by a reply with `re`. */
  request<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (!this.welcomed || !this.transport) return Promise.reject(notConnected());
    const id = this.o.ids();
    const transport = this.transport;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(id);
        reject({ code: 'E001', message: 'no answer in time' } satisfies HearthError);
      }, this.o.requestTimeoutMs);
      this.requests.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      transport.send({ id, type: 'request', payload: { method, params } });
    });
  }

  /** Fire-and-forget (`typing`, `presence_update`, `cursor_move`): never stored, dropped when not connected. */
  ephemeral(type: string, payload: Record<string, unknown>): void {
    if (this.welcomed) this.transport?.send({ id: this.o.ids(), type, payload });
  }

  /** Frames by type (`welcome`, `chat.posted`, `ack`, `error`, …); `*` for every frame. */
  on(type: string, handler: FrameHandler): void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
  }

  off(type: string, handler: FrameHandler): void {
    this.handlers.get(type)?.delete(handler);
  }

  /** Calls `listener` now and on every change of the connection's status; returns the unsubscribe. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  // ------------------------------------------------------------------ connecting

  private open(): void {
    this.clear('retry');
    if (this.stopped) return;
    if (this.o.network?.navigator?.onLine === false) {
      this.update({ state: 'offline', retryAt: null });
      return;
    }
    this.update({ state: this.everWelcomed ? 'reconnecting' : 'connecting', retryAt: null, transport: this.mode });
    const generation = ++this.generation;
    this.welcomed = false;
    this.sentHere.clear();
    this.connError = null;
    const events: TransportEvents = {
      open: () => generation === this.generation && this.opened(),
      frame: (f) => generation === this.generation && this.received(f),
      closed: (c) => generation === this.generation && this.closed(c),
    };
    this.transport =
      this.mode === 'websocket' ? this.o.transports.websocket(events) : this.o.transports.sse(events, this.lastSeq);
    this.welcomeTimer = setTimeout(() => {
      if (generation !== this.generation || this.welcomed) return;
      this.transport?.close(4000, 'no welcome');
      this.closed({ code: 1006, reason: 'no welcome in time', opened: true });
    }, this.o.welcomeTimeoutMs);
  }

  private opened(): void {
    if (this.transport?.inBand) void this.hello(this.transport, this.generation);
  }

  private async hello(transport: Transport, generation: number, probe = false): Promise<void> {
    const token = await this.token();
    if (token === undefined || (!probe && generation !== this.generation)) return;
    const payload: Record<string, unknown> = {};
    if (token !== null) payload.token = token;
    if (this.o.device) payload.device = this.o.device;
    if (this.lastSeq !== null) {
      payload.resume = this.epoch === null ? { lastSeq: this.lastSeq } : { epoch: this.epoch, lastSeq: this.lastSeq };
    }
    transport.send({ id: this.o.ids(), type: 'hello', payload });
  }

  /** The access token; null in local mode; undefined when the sign-in is over (and the app was told). */
  private async token(): Promise<string | null | undefined> {
    try {
      return await this.o.tokens.accessToken();
    } catch {
      this.stop({ reason: 'signed_out', message: humanMessage({ code: 'E002', message: '' }) }, true);
      return undefined;
    }
  }

  private closed(c: Closed): void {
    const wasWelcomed = this.welcomed;
    const kind = this.transport?.kind ?? this.mode;
    this.transport = null;
    this.welcomed = false;
    this.clear('welcome', 'heartbeat', 'auth', 'probe');
    this.closeProbe();
    for (const [id, r] of this.requests) {
      clearTimeout(r.timer);
      r.reject(notConnected());
      this.requests.delete(id);
    }
    if (this.stopped) return;
    const error = c.error ?? this.connError ?? undefined;
    const code = c.code;
    if (code === 4403 || (code === 1008 && error?.code === 'E005')) {
      this.stop({ reason: 'not_member', message: humanMessage({ code: 'E005', message: '' }) });
      return;
    }
    if (code === 4401 || (code === 1008 && error?.code === 'E002')) {
      // token_expired: a fresh token may fix it, once; a hello refused right after, or signed_out, cannot.
      if (error?.details?.reason === 'signed_out' || code === 1008 || ++this.authFailures > 1) {
        this.stop({ reason: 'signed_out', message: humanMessage({ code: 'E002', message: '' }) }, true);
        return;
      }
      this.schedule(0);
      return;
    }
    if (code === 1008 && error?.code !== 'E004') {
      this.stop({ reason: 'refused', message: humanMessage(error ?? { code: 'E001', message: '' }) });
      return;
    }
    if (kind === 'websocket' && !wasWelcomed && !this.o.force) {
      if (++this.wsFailures >= this.o.wsFailuresBeforeFallback) {
        // A proxy that blocks upgrades fails every time: stop waiting for it, go on over SSE.
        this.mode = 'sse';
        this.wsFailures = 0;
        this.schedule(0);
        return;
      }
    }
    if (code === 1008) this.attempt = Math.max(this.attempt, 5); // flooding: wait the longest
    this.schedule(backoffDelay(this.attempt++, this.o.random));
  }

  private schedule(delay: number): void {
    this.clear('retry');
    if (this.o.network?.navigator?.onLine === false) {
      this.update({ state: 'offline', retryAt: null });
      return;
    }
    this.update({
      state: this.everWelcomed ? 'reconnecting' : 'connecting',
      retryAt: this.o.now() + delay,
      transport: this.mode,
    });
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private stop(problem: Problem, signOut = false): void {
    this.stopped = true;
    this.drop(1000, problem.reason);
    this.update({ state: 'closed', retryAt: null, problem });
    this.connected?.reject({ code: problem.reason === 'signed_out' ? 'E002' : 'E005', message: problem.message });
    this.connected = null;
    if (signOut) this.o.tokens.signedOut();
  }

  /** Closes the current transport (and probe) without reporting a close; clears every timer. */
  private drop(code: number, reason: string): void {
    this.generation++;
    this.transport?.close(code, reason);
    this.transport = null;
    this.welcomed = false;
    this.closeProbe();
    this.clear('retry', 'welcome', 'heartbeat', 'auth', 'probe');
  }

  private readonly wentOffline = (): void => {
    if (this.stopped) return;
    this.drop(1000, 'offline');
    this.update({ state: 'offline', retryAt: null });
  };

  private readonly cameOnline = (): void => {
    if (this.stopped) return;
    this.attempt = 0;
    this.open();
  };

  // ------------------------------------------------------------------ frames

  private received(frame: Envelope): void {
    this.lastHeard = this.o.now();
    switch (frame.type) {
      case 'welcome':
        this.welcome(frame);
        return;
      case 'ack':
        this.acked(frame);
        break;
      case 'reply':
        this.replied(frame);
        return;
      case 'error':
        if (!this.refused(frame)) return;
        break;
      case 'heartbeat':
        this.heartbeat(frame);
        return;
      case 'auth_ok':
        this.authOk(frame);
        return;
      default:
        if (isEvent(frame) && !this.advance(frame.seq)) return; // seen already
    }
    this.emit(frame);
  }

  private welcome(frame: Envelope): void {
    const w = frame.payload as unknown as WelcomePayload;
    if (w.protocol !== PROTOCOL) {
      this.stop({ reason: 'update_required', message: 'This page is out of date: reload it to keep playing.' });
      return;
    }
    this.clear('welcome');
    const kind = this.transport?.kind ?? this.mode;
    this.welcomed = true;
    this.everWelcomed = true;
    this.attempt = 0;
    this.authFailures = 0;
    if (kind === 'websocket') this.wsFailures = 0;
    this.epoch = w.position.epoch;
    this.serverOffset = w.serverTime - this.o.now();
    if (w.resumed && w.missed > 0) {
      this.missedLeft = w.missed;
      this.positionAfterMissed = w.position.seq;
    } else {
      // A fresh view replaces what was held; a resume with nothing missed is at the position already.
      this.missedLeft = 0;
      this.lastSeq = w.resumed ? Math.max(this.lastSeq ?? 0, w.position.seq) : w.position.seq;
    }
    this.update({ state: 'open', retryAt: null, transport: kind, latency: kind === 'sse' ? null : this.status.latency });
    this.emit(frame);
    this.connected?.resolve();
    this.connected = null;
    this.replay();
    if (kind === 'websocket') {
      this.lastHeard = this.o.now();
      this.beat();
      this.heartbeatTimer = setInterval(() => this.beat(), this.o.heartbeatIntervalMs);
      this.tokenExpiresAt = w.tokenExpiresAt ?? null;
      this.scheduleAuth();
    } else if (!this.o.force) {
      this.probeTimer = setTimeout(() => void this.probeWebSocket(), this.o.probeIntervalMs);
    }
  }

  /** Keeps the highest seq seen; false for an event at or below it (a redelivery: drop it). */
  private advance(seq: number): boolean {
    if (this.lastSeq !== null && seq <= this.lastSeq) return false;
    this.lastSeq = seq;
    if (this.missedLeft > 0 && --this.missedLeft === 0) {
      this.lastSeq = Math.max(this.lastSeq, this.positionAfterMissed);
    }
    return true;
  }

  private acked(frame: Envelope): void {
    const id = frame.re;
    if (!id) return;
    const p = frame.payload as Partial<Ack>;
    const ack: Ack = { seq: p.seq ?? frame.seq ?? 0, events: p.events ?? 0 };
    if (p.duplicate) ack.duplicate = true;
    void this.inOrder(() => this.o.outbox.remove(id));
    this.commands.get(id)?.resolve(ack);
    this.commands.delete(id);
  }

  private replied(frame: Envelope): void {
    const r = frame.re ? this.requests.get(frame.re) : undefined;
    if (!r || !frame.re) return;
    clearTimeout(r.timer);
    this.requests.delete(frame.re);
    r.resolve(frame.payload);
  }

  /** Settles what the error answers; true when handlers should see it (not for retried or internal ones). */
  private refused(frame: Envelope): boolean {
    const error = errorOf(frame);
    const re = frame.re;
    if (re && this.requests.has(re)) {
      const r = this.requests.get(re)!;
      clearTimeout(r.timer);
      this.requests.delete(re);
      r.reject(error);
      return false;
    }
    if (re && this.control.has(re)) {
      this.control.delete(re); // a refused `auth` keeps the current token; the next attempt comes later
      return false;
    }
    if (re && (this.commands.has(re) || this.sentHere.has(re))) {
      if (error.code === 'E004' || error.code === 'E008') {
        // Not done, and safe to repeat: the same id again after the wait the server asked for.
        const generation = this.generation;
        setTimeout(() => {
          if (generation === this.generation && this.welcomed) void this.inOrder(() => this.resend(re));
        }, Math.max(1, error.retryAfter ?? 1) * 1000);
        return false;
      }
      void this.inOrder(() => this.o.outbox.remove(re));
      this.commands.get(re)?.reject(error);
      this.commands.delete(re);
      return true;
    }
    if (!re) this.connError = error; // the reason for the close that follows
    return true;
  }

  private heartbeat(frame: Envelope): void {
    const sent = frame.re ? this.control.get(frame.re) : undefined;
    if (sent === undefined || !frame.re) return;
    this.control.delete(frame.re);
    this.update({ latency: Math.max(0, this.o.now() - sent) });
  }

  private authOk(frame: Envelope): void {
    if (frame.re) this.control.delete(frame.re);
    const expiresAt = (frame.payload as { expiresAt?: number }).expiresAt;
    const renewed = typeof expiresAt === 'number' && (this.tokenExpiresAt === null || expiresAt > this.tokenExpiresAt);
    if (typeof expiresAt === 'number') this.tokenExpiresAt = expiresAt;
    this.scheduleAuth(renewed ? undefined : 15_000);
  }

  // ------------------------------------------------------------------ writes, heartbeats, auth, probing

  private transmit(entry: OutboxEntry): void {
    if (!this.transport) return;
    this.sentHere.add(entry.id);
    this.transport.send(JSON.parse(entry.frame) as Envelope, entry.frame);
  }

  /** After every welcome: every unanswered command, oldest first, with its original id and bytes. */
  private replay(): void {
    const generation = this.generation;
    void this.inOrder(async () => {
      const entries = await this.o.outbox.list();
      if (generation !== this.generation || !this.welcomed) return;
      for (const e of entries) if (!this.sentHere.has(e.id)) this.transmit(e);
    });
  }

  private async resend(id: string): Promise<void> {
    const entry = (await this.o.outbox.list()).find((e) => e.id === id);
    if (entry && this.transport) this.transport.send(JSON.parse(entry.frame) as Envelope, entry.frame);
  }

  private beat(): void {
    if (!this.transport || !this.welcomed) return;
    if (this.o.now() - this.lastHeard > SILENCE_MS) {
      // A half-open connection (a phone that changed networks) never reports its close: give up on it.
      this.transport.close(4000, 'silent');
      this.closed({ code: 4408, reason: 'nothing heard', opened: true });
      return;
    }
    const id = this.o.ids();
    for (const [old, at] of this.control) if (this.o.now() - at > SILENCE_MS) this.control.delete(old);
    this.control.set(id, this.o.now());
    this.transport.send({ id, type: 'heartbeat', payload: {} });
  }

  private scheduleAuth(delay?: number): void {
    this.clear('auth');
    if (this.tokenExpiresAt === null) return; // local mode: no tokens
    const remaining = this.tokenExpiresAt - (this.o.now() + this.serverOffset);
    const wait = delay ?? Math.max(1000, remaining - AUTH_AHEAD_MS);
    const generation = this.generation;
    this.authTimer = setTimeout(async () => {
      const token = await this.token();
      if (!token || generation !== this.generation || !this.transport) return;
      const id = this.o.ids();
      this.control.set(id, this.o.now());
      this.transport.send({ id, type: 'auth', payload: { token } });
    }, wait);
  }

  /** On SSE: try WebSocket now and then; once it welcomes us, switch back (resume + seq dedupe: nothing lost or doubled). */
  private async probeWebSocket(): Promise<void> {
    if (this.stopped || this.mode !== 'sse' || this.probe) return;
    const generation = this.generation;
    let probe: Transport | null = null;
    const done = (switchBack: boolean) => {
      if (this.probe !== probe) return;
      this.closeProbe();
      if (generation !== this.generation) return;
      if (switchBack) {
        this.drop(1000, 'back to websocket');
        this.mode = 'websocket';
        this.open();
      } else {
        this.probeTimer = setTimeout(() => void this.probeWebSocket(), this.o.probeIntervalMs);
      }
    };
    probe = this.o.transports.websocket({
      open: () => probe && void this.hello(probe, generation, true),
      frame: (f) => {
        if (f.type === 'welcome') done(true);
        else if (f.type === 'error') done(false);
      },
      closed: () => done(false),
    });
    this.probe = probe;
    this.probeTimer = setTimeout(() => done(false), this.o.welcomeTimeoutMs);
  }

  private closeProbe(): void {
    const probe = this.probe;
    this.probe = null;
    probe?.close(1000, 'probe');
  }

  // ------------------------------------------------------------------ plumbing

  private emit(frame: Envelope): void {
    for (const type of [frame.type, '*']) {
      for (const handler of [...(this.handlers.get(type) ?? [])]) {
        try {
          handler(frame);
        } catch (e) {
          console.error('realtime handler failed', e);
        }
      }
    }
  }

  private update(change: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of [...this.statusListeners]) listener(this.status);
  }

  /** Outbox operations run one at a time, in call order: a send is stored before a replay lists. */
  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const next = this.serial.then(work, work);
    this.serial = next.catch(() => undefined);
    return next;
  }

  private clear(...which: ('retry' | 'welcome' | 'heartbeat' | 'auth' | 'probe')[]): void {
    for (const w of which) {
      const key = `${w}Timer` as const;
      const timer = this[key];
      if (timer !== null) {
        if (w === 'heartbeat') clearInterval(timer);
        else clearTimeout(timer);
      }
      this[key] = null;
    }
  }
}

function notConnected(): HearthError {
  return { code: 'E001', message: 'not connected' };
}

/** The browser's transports for a table. */
export function browserTransports(sessionId: string, tokens: TokenSource): TransportFactory {
  return {
    websocket: (events) => new WebSocketTransport(sessionSocketUrl(sessionId), events),
    sse: (events, lastSeq) =>
      new SseTransport({ sessionId, tokens, fetch: (...a) => fetch(...a), EventSource }, events, lastSeq),
  };
}
