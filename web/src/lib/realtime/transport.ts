// A transport carries frames between the client and one stream; it holds no protocol rule.
// WebSocket carries everything in-band; SSE + HTTP maps writes and reads onto the fallback routes
// of docs/protocol.md#sse-and-http-fallback and answers them as the same ack/reply/error frames.
import type { HearthError } from '../errors';
import type { Envelope, TransportKind } from './envelope';

export interface Closed {
  /** A WebSocket close code; SSE reports the code of its `close` event, or 1006 when the stream was lost. */
  code: number;
  reason: string;
  /** Whether the transport had opened before it closed (a failure before open suggests a blocked path). */
  opened: boolean;
  /** A refusal learnt while failing (e.g. the HTTP error that stopped an SSE stream from starting). */
  error?: HearthError;
}

/** Callbacks of one transport instance. `closed` is called at most once, and never after `close()`. */
export interface TransportEvents {
  open(): void;
  frame(frame: Envelope): void;
  closed(info: Closed): void;
}

export interface Transport {
  readonly kind: TransportKind;
  /** True when the client speaks `hello`, `auth`, `resume` and `heartbeat` on it (WebSocket). */
  readonly inBand: boolean;
  /** Sends one frame; `text` is its exact JSON when it must go as first serialized (outbox replays). */
  send(frame: Envelope, text?: string): void;
  /** Closes without calling `closed`: the client chose to. */
  close(code?: number, reason?: string): void;
}

export interface TransportFactory {
  websocket(events: TransportEvents): Transport;
  /** `lastSeq`: resume after it (`?lastEventId=`), or null for a fresh view. */
  sse(events: TransportEvents, lastSeq: number | null): Transport;
}

/** Which transport the user or a test forces: `?transport=sse|websocket`, else localStorage `hearth.transport`. */
export function transportPreference(
  search: string = typeof location === 'undefined' ? '' : location.search,
  storage: Pick<Storage, 'getItem'> | null = typeof localStorage === 'undefined' ? null : localStorage,
): TransportKind | null {
  const fromUrl = new URLSearchParams(search).get('transport');
  let value = fromUrl;
  if (value === null) {
    try {
      value = storage?.getItem('hearth.transport') ?? null;
    } catch {
      value = null; // storage can be blocked; then nothing is forced
    }
  }
  return value === 'sse' || value === 'websocket' ? value : null;
}
