// The primary transport: one WebSocket to `/ws/session/{id}`, one JSON envelope per text frame.
import type { Envelope } from './envelope';
import type { Closed, Transport, TransportEvents } from './transport';

export type WebSocketConstructor = new (url: string) => WebSocket;

export class WebSocketTransport implements Transport {
  readonly kind = 'websocket' as const;
  readonly inBand = true;
  private socket: WebSocket | null = null;
  private opened = false;
  private done = false;

  constructor(
    url: string,
    private readonly events: TransportEvents,
    Socket: WebSocketConstructor = WebSocket,
  ) {
    try {
      this.socket = new Socket(url);
    } catch (e) {
      // A blocked or malformed URL throws synchronously; report it like a failed connection.
      queueMicrotask(() => this.finish({ code: 1006, reason: String(e), opened: false }));
      return;
    }
    const socket = this.socket;
    socket.onopen = () => {
      if (this.done) return;
      this.opened = true;
      this.events.open();
    };
    socket.onmessage = (e: MessageEvent) => {
      if (this.done || typeof e.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(e.data);
      } catch {
        return; // the server sends only JSON; anything else is not ours to act on
      }
      if (typeof frame === 'object' && frame !== null) this.events.frame(frame as Envelope);
    };
    // An error is always followed by a close, which carries the code.
    socket.onerror = () => {};
    socket.onclose = (e: CloseEvent) => this.finish({ code: e.code || 1006, reason: e.reason ?? '', opened: this.opened });
  }

  send(frame: Envelope, text: string = JSON.stringify(frame)): void {
    if (!this.done && this.socket?.readyState === 1) this.socket.send(text);
  }

  close(code = 1000, reason = ''): void {
    if (this.done) return;
    this.done = true;
    try {
      this.socket?.close(code, reason);
    } catch {
      // already closing
    }
  }

  private finish(info: Closed): void {
    if (this.done) return;
    this.done = true;
    this.events.closed(info);
  }
}

/** `ws(s)://<this host>/ws/session/{sessionId}`. */
export function sessionSocketUrl(sessionId: string, where: Pick<Location, 'protocol' | 'host'> = location): string {
  const scheme = where.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${where.host}/ws/session/${encodeURIComponent(sessionId)}`;
}
