// A realtime client double for the table's model and component tests: records what is sent, answers
// requests from a per-method table, and plays the server's frames. Not imported by the app.
import { flushSync } from 'svelte';
import type { HearthError } from '../lib/errors';
import type { ConnectionStatus } from '../lib/realtime/client';
import type { Ack, Envelope } from '../lib/realtime/envelope';

type Answer = (params: Record<string, unknown>) => unknown;

export class FakeTableClient {
  handlers = new Map<string, Set<(f: Envelope) => void>>();
  submitted: { id: string; type: string; payload: Record<string, unknown> }[] = [];
  requests: { method: string; params: Record<string, unknown> }[] = [];
  ephemerals: { type: string; payload: Record<string, unknown> }[] = [];
  /** Answers by request method; a thrown HearthError is the refusal. Unlisted methods answer an empty page. */
  answers = new Map<string, Answer>();
  /** Settles the ack of a submitted command: resolve or reject by message id. */
  acks = new Map<string, { resolve(a: Ack): void; reject(e: HearthError): void }>();
  status: ConnectionStatus = { state: 'open', transport: 'websocket', latency: 5, retryAt: null, problem: null };
  private n = 0;

  connect = async () => undefined;
  disconnect = () => undefined;
  /** Commands the outbox holds from an earlier visit, as `pending()` reports them. */
  waiting: { id: string; type: string; frame: string; created: number }[] = [];
  pending = async () => this.waiting;
  request = async <T,>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
    this.requests.push({ method, params });
    const answer = this.answers.get(method);
    if (!answer) return { items: [], nextBefore: null } as T;
    return answer(params) as T;
  };
  on = (type: string, h: (f: Envelope) => void) => {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)!.add(h);
  };
  off = (type: string, h: (f: Envelope) => void) => void this.handlers.get(type)?.delete(h);
  onStatus = (l: (s: ConnectionStatus) => void) => {
    l(this.status);
    return () => undefined;
  };
  ephemeral = (type: string, payload: Record<string, unknown>) => void this.ephemerals.push({ type, payload });
  submit = (type: string, payload: Record<string, unknown> = {}) => {
    const id = `m-${++this.n}`;
    this.submitted.push({ id, type, payload });
    const ack = new Promise<Ack>((resolve, reject) => this.acks.set(id, { resolve, reject }));
    return { id, ack };
  };

  /** Delivers a frame to the handlers of its type and of `*`, as the client does, then lets Svelte update. */
  emit(frame: Partial<Envelope> & { type: string }): void {
    const f = { id: 'srv:1', payload: {}, ...frame } as Envelope;
    for (const type of [f.type, '*']) for (const h of [...(this.handlers.get(type) ?? [])]) h(f);
    flushSync();
  }

  /** The types and payloads sent, without ids. */
  get sent(): { type: string; payload: Record<string, unknown> }[] {
    return this.submitted.map(({ type, payload }) => ({ type, payload }));
  }
}

/** Lets pending promises (request replies, ack rejections) run, then Svelte update. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flushSync();
}

export function welcomeFrame(role: string, extra: Record<string, unknown> = {}) {
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
      view: {
        seated: [
          { userId: 'u2', displayName: 'Bob', role: 'player' },
          { userId: 'g1', displayName: 'Gail', role: 'gm' },
        ],
      },
      presence: { users: [] },
      chat: { items: [], nextBefore: null },
      ...extra,
    },
  };
}
