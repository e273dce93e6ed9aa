// The signed-in user's notifications (whispers, GM announcements) across campaigns: a page and the
// unread count over HTTP, then live over `/sse/notifications` (docs/protocol.md). The stream is
// resumed by `lastEventId` after a drop, with a fresh single-use ticket each time.

import { backoffDelay } from '../realtime/backoff';

export interface NotificationItem {
  seq: number;
  kind: 'whisper' | 'announcement' | 'turn' | 'system' | string;
  title: string;
  body: string;
  sessionId: string | null;
  at: number;
}

export interface FeedState {
  items: NotificationItem[];
  unread: number;
  readUpTo: number;
  latestSeq: number;
  live: boolean;
}

interface Frame {
  type: string;
  seq?: number;
  timestamp?: number;
  payload: Record<string, unknown>;
}

interface Page {
  unread: number;
  readUpTo: number;
  latestSeq: number;
  items: Frame[];
}

export interface FeedDeps {
  /** An authenticated API call (the app's HearthClient.request). */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A token exists only in accounts mode: in local mode the stream needs no ticket. */
  accessToken(): Promise<string | null>;
  EventSource: typeof EventSource;
  random?: () => number;
}

const PAGE = 30;

export class NotificationsFeed {
  private state: FeedState = { items: [], unread: 0, readUpTo: 0, latestSeq: 0, live: false };
  private readonly listeners = new Set<(s: FeedState) => void>();
  private source: EventSource | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = true;

  constructor(private readonly deps: FeedDeps) {}

  subscribe(listener: (s: FeedState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.reload();
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  /** Everything shown is read: one POST, then every connected client of this user hears `notifications.read`. */
  async markAllRead(): Promise<void> {
    if (this.state.latestSeq === 0 || this.state.unread === 0) return;
    const summary = await this.deps.request<{ unread: number; readUpTo: number; latestSeq: number }>(
      'POST',
      '/api/notifications/read',
      { upToSeq: this.state.latestSeq },
    );
    this.set({ unread: summary.unread, readUpTo: summary.readUpTo });
  }

  private async reload(): Promise<void> {
    const page = await this.deps.request<Page>('GET', `/api/notifications?limit=${PAGE}`);
    this.set({
      items: page.items.map(toItem).reverse(),
      unread: page.unread,
      readUpTo: page.readUpTo,
      latestSeq: page.latestSeq,
    });
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    try {
      const params = new URLSearchParams({ lastEventId: String(this.state.latestSeq) });
      if ((await this.deps.accessToken()) !== null) {
        const { ticket } = await this.deps.request<{ ticket: string }>('POST', '/api/realtime/ticket');
        params.set('ticket', ticket);
      }
      if (this.stopped) return;
      const source = new this.deps.EventSource(`/sse/notifications?${params}`);
      this.source = source;
      source.addEventListener('welcome', () => {
        this.attempt = 0;
        this.set({ live: true });
      });
      source.addEventListener('notification.added', (e) => this.added(parse((e as MessageEvent).data)));
      source.addEventListener('notifications.read', (e) => this.read(parse((e as MessageEvent).data)));
      // The server ended the stream, or it broke: EventSource would retry with a used ticket, so we do it.
      const again = () => {
        source.close();
        if (this.source === source) this.reconnect();
      };
      source.addEventListener('close', again);
      source.onerror = again;
    } catch {
      this.reconnect();
    }
  }

  private reconnect(): void {
    this.source = null;
    this.set({ live: false });
    if (this.stopped || this.retry) return;
    const delay = backoffDelay(this.attempt++, this.deps.random ?? Math.random);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.open();
    }, delay);
  }

  private added(frame: Frame | null): void {
    if (!frame || typeof frame.seq !== 'number' || frame.seq <= this.state.latestSeq) return;
    const item = toItem(frame);
    this.set({
      items: [item, ...this.state.items].slice(0, 100),
      latestSeq: item.seq,
      unread: this.state.unread + 1,
    });
  }

  private read(frame: Frame | null): void {
    if (!frame || typeof frame.seq !== 'number') return;
    const upTo = Number(frame.payload.upToSeq ?? 0);
    const stillUnread = this.state.items.filter((i) => i.seq > upTo).length;
    this.set({ readUpTo: Math.max(this.state.readUpTo, upTo), latestSeq: Math.max(this.state.latestSeq, frame.seq), unread: stillUnread });
  }

  private set(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

function parse(data: unknown): Frame | null {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as Frame) : null;
  } catch {
    return null;
  }
}

const KIND_LABELS: Record<string, string> = {
  whisper: 'Whisper',
  announcement: 'Announcement',
  turn: 'Combat turn',
  system: 'From Hearth',
};

/** The small label over a notification; null for a kind this client does not know (it still shows). */
export function kindLabel(kind: string): string | null {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind]! : null;
}

function toItem(frame: Frame): NotificationItem {
  const p = frame.payload;
  return {
    seq: frame.seq ?? 0,
    kind: String(p.kind ?? 'system'),
    title: String(p.title ?? ''),
    body: String(p.body ?? ''),
    sessionId: typeof p.sessionId === 'string' ? p.sessionId : null,
    at: frame.timestamp ?? Date.now(),
  };
}
