// The fallback transport for networks that block WebSocket upgrades: events from an EventSource on
// `/sse/activity/{sessionId}`, writes and reads over HTTP (docs/protocol.md#sse-and-http-fallback).
// HTTP answers come back to the client as the frames a WebSocket would carry (ack, reply, error,
// with `re`), so the client has one code path. The single-use ticket means the browser's own
// EventSource reconnect cannot work (it would reuse a spent ticket): on any error this transport
// closes and the client reconnects with a new ticket and `?lastEventId=`.
import { isHearthError, type HearthError } from '../errors';
import type { TokenSource } from '../tokens';
import type { Envelope } from './envelope';
import type { Closed, Transport, TransportEvents } from './transport';

export type EventSourceConstructor = new (url: string) => EventSource;

export interface HttpDeps {
  sessionId: string;
  tokens: TokenSource;
  fetch: typeof fetch;
  EventSource: EventSourceConstructor;
  /** Origin prefix of the routes, '' for the page's own origin. */
  base?: string;
}

/** The SSE `event:` names of a table stream; an EventSource only hears names it listens to. */
export const SSE_EVENT_TYPES = [
  'welcome',
  'chat.posted',
  'member.arrived',
  'member.left',
  'presence_update',
  'typing',
  'cursor_moves',
  'draw_preview',
  'heartbeat',
  'error',
  'message',
  'dice.rolled',
  'dice.hidden',
  'combat.view',
  'map.changed',
  'ruler',
  'ping',
  // Every combat event (server: combat. + the core event record's name in snake_case).
  ...[
    'encounter_started', 'encounter_ended', 'checkpoint', 'undone', 'round_started', 'combatant_added',
    'combatant_shown', 'combatant_removed', 'revealed', 'hp_revealed', 'initiative_determined', 'moved',
    'turn_started', 'turn_ended', 'on_deck', 'turn_rewound', 'delayed', 're_entered', 'action_readied',
    'ready_resolved', 'damaged', 'healed', 'temp_hp_granted', 'overridden', 'health_shown', 'death_save_due',
    'death_save_rolled', 'death_saves_failed', 'stabilized', 'died', 'concentration_started',
    'concentration_check_due', 'concentration_checked', 'concentration_ended', 'condition_applied',
    'condition_expired', 'condition_ended', 'save_due', 'save_resolved', 'exhaustion_changed', 'effect_added',
    'effect_removed', 'effect_triggered',
  ].map((name) => `combat.${name}`),
];

const HISTORY_ROUTES: Record<string, string> = { 'chat.history': 'chat', 'activity.feed': 'activity' };

/** Table reads with a REST twin that takes the request's params as its query (docs/api.md). */
const READ_ROUTES: Record<string, string> = {
  'dice.log': 'dice',
  'dice.stats': 'dice/stats',
  'dice.probability': 'dice/probability',
  'combat.view': 'encounter',
  'map.view': 'map',
};

export class SseTransport implements Transport {
  readonly kind = 'sse' as const;
  readonly inBand = false;
  private source: EventSource | null = null;
  private opened = false;
  private done = false;
  private replies = 0;

  constructor(
    private readonly deps: HttpDeps,
    private readonly events: TransportEvents,
    lastSeq: number | null,
  ) {
    void this.start(lastSeq);
  }

  send(frame: Envelope, text: string = JSON.stringify(frame)): void {
    if (this.done) return;
    switch (frame.type) {
      case 'request':
        void this.request(frame);
        return;
      case 'cursor_move':
        void this.post('/api/realtime/cursor', { session: this.deps.sessionId, ...frame.payload });
        return;
      case 'draw_preview':
        void this.post('/api/realtime/draw', { session: this.deps.sessionId, ...frame.payload });
        return;
      case 'ruler':
        void this.post('/api/realtime/ruler', { session: this.deps.sessionId, ...frame.payload });
        return;
      case 'ping':
        void this.post('/api/realtime/ping', { session: this.deps.sessionId, ...frame.payload });
        return;
      case 'hello':
      case 'auth':
      case 'resume':
      case 'heartbeat':
      case 'typing':
      case 'presence_update':
      default:
        void this.command(frame, text);
    }
  }

  close(): void {
    this.done = true;
    this.source?.close();
  }

  private async start(lastSeq: number | null): Promise<void> {
    const params = new URLSearchParams();
    let token: string | null;
    try {
      token = await this.deps.tokens.accessToken();
    } catch {
      this.finish({ code: 4401, reason: 'no access token', opened: false });
      return;
    }
    if (token !== null) {
      const ticket = await this.fetchJson('/api/realtime/ticket', { method: 'POST' }, token);
      if (this.done) return;
      if (!ticket.ok) {
        this.finish(refusalClose(ticket.error));
        return;
      }
      params.set('ticket', String((ticket.body as { ticket: string }).ticket));
    }
    if (lastSeq !== null) params.set('lastEventId', String(lastSeq));
    const query = params.toString();
    const url = `${this.deps.base ?? ''}/sse/activity/${encodeURIComponent(this.deps.sessionId)}${query ? `?${query}` : ''}`;
    if (this.done) return;
    let source: EventSource;
    try {
      source = new this.deps.EventSource(url);
    } catch (e) {
      this.finish({ code: 1006, reason: String(e), opened: false });
      return;
    }
    this.source = source;
    source.onopen = () => {
      if (this.done) return;
      this.opened = true;
      this.events.open();
    };
    const onFrame = (e: Event) => {
      const data = (e as MessageEvent).data;
      if (this.done) return;
      if (typeof data !== 'string') {
        if (e.type === 'error') void this.lost(); // a connection error, not the server's error frame
        return;
      }
      try {
        this.events.frame(JSON.parse(data) as Envelope);
      } catch {
        // not a frame
      }
    };
    for (const type of SSE_EVENT_TYPES) source.addEventListener(type, onFrame);
    source.addEventListener('close', (e: Event) => {
      let code = 1006;
      let reason = '';
      try {
        const body = JSON.parse(String((e as MessageEvent).data)) as { code?: number; reason?: string };
        code = typeof body.code === 'number' ? body.code : code;
        reason = body.reason ?? '';
      } catch {
        // keep 1006
      }
      source.close();
      this.finish({ code, reason, opened: true });
    });
  }

  /** The stream failed. Before it opened, ask the history route why: EventSource cannot read an HTTP error. */
  private async lost(): Promise<void> {
    this.source?.close();
    if (this.opened) {
      this.finish({ code: 1006, reason: 'the event stream was lost', opened: true });
      return;
    }
    const probe = await this.fetchJson(`/api/sessions/${encodeURIComponent(this.deps.sessionId)}/chat?limit=1`, {}, undefined);
    this.finish(probe.ok ? { code: 1006, reason: 'the event stream did not start', opened: false } : refusalClose(probe.error));
  }

  private async command(frame: Envelope, text: string): Promise<void> {
    const answer = await this.fetchJson(
      `/api/sessions/${encodeURIComponent(this.deps.sessionId)}/commands`,
      { method: 'POST', body: text, headers: { 'Content-Type': 'application/json' } },
      undefined,
    );
    if (this.done) return;
    if (answer.network) {
      // The network failed under us: the command stays in the outbox and goes again on reconnect.
      this.source?.close();
      this.finish({ code: 1006, reason: 'a write failed', opened: this.opened });
      return;
    }
    if (!answer.ok) {
      this.answer({ type: 'error', re: frame.id, payload: answer.error as unknown as Record<string, unknown> });
      return;
    }
    const ack = answer.body as { seq: number; events: number; duplicate?: boolean };
    const payload: Record<string, unknown> = { seq: ack.seq, events: ack.events };
    if (ack.duplicate) payload.duplicate = true;
    this.answer({ type: 'ack', re: frame.id, seq: ack.seq, payload });
  }

  private async request(frame: Envelope): Promise<void> {
    const { method, params } = frame.payload as { method: string; params?: Record<string, unknown> };
    const sid = encodeURIComponent(this.deps.sessionId);
    const query = new URLSearchParams();
    let path: string;
    if (method in HISTORY_ROUTES) {
      for (const key of ['before', 'limit']) {
        const v = params?.[key];
        if (v !== undefined && v !== null) query.set(key, String(v));
      }
      path = `/api/sessions/${sid}/${HISTORY_ROUTES[method]}`;
    } else if (method in READ_ROUTES) {
      for (const [key, v] of Object.entries(params ?? {})) {
        if (v !== undefined && v !== null) query.set(key, String(v));
      }
      path = `/api/sessions/${sid}/${READ_ROUTES[method]}`;
    } else if (method === 'presence.list') {
      query.set('session', this.deps.sessionId);
      path = '/api/realtime/presence';
    } else {
      this.answer({ type: 'error', re: frame.id, payload: { code: 'E007', message: `Unknown method '${method}'.` } });
      return;
    }
    const q = query.toString();
    const answer = await this.fetchJson(q ? `${path}?${q}` : path, {}, undefined);
    if (this.done) return;
    this.answer(
      answer.ok
        ? { type: 'reply', re: frame.id, payload: answer.body as Record<string, unknown> }
        : { type: 'error', re: frame.id, payload: answer.error as unknown as Record<string, unknown> },
    );
  }

  private async post(path: string, body: unknown): Promise<void> {
    await this.fetchJson(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, undefined);
  }

  private answer(frame: Omit<Envelope, 'id'>): void {
    if (!this.done) this.events.frame({ id: `http:${++this.replies}`, ...frame } as Envelope);
  }

  /** `token`: undefined to ask the token source, null for none (local mode). */
  private async fetchJson(
    path: string,
    init: RequestInit,
    token: string | null | undefined,
  ): Promise<{ ok: true; body: unknown; network?: false } | { ok: false; error: HearthError; network: boolean }> {
    try {
      const bearer = token === undefined ? await this.deps.tokens.accessToken() : token;
      const headers = new Headers(init.headers);
      if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
      const res = await this.deps.fetch(`${this.deps.base ?? ''}${path}`, { ...init, headers, credentials: 'same-origin' });
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) return { ok: true, body };
      const error = isHearthError(body) ? body : { code: res.status >= 500 ? 'E009' : 'E007', message: '' };
      if (!error.retryAfter && res.headers.get('Retry-After')) error.retryAfter = Number(res.headers.get('Retry-After'));
      return { ok: false, error, network: false };
    } catch {
      return { ok: false, error: { code: 'E001', message: '' }, network: true };
    }
  }

  private finish(info: Closed): void {
    if (this.done) return;
    this.done = true;
    this.events.closed(info);
  }
}

/** A refusal in the close a WebSocket would have seen for it. */
function refusalClose(error: HearthError): Closed {
  const code = error.code === 'E002' ? 4401 : error.code === 'E005' ? 4403 : 1006;
  return { code, reason: error.message, opened: false, error };
}
