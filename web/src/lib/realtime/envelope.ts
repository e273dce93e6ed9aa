// The frames of docs/protocol.md, as the client sees them. One envelope per frame, both ways.
import type { HearthError } from '../errors';

export interface Envelope<P = Record<string, unknown>> {
  id: string;
  type: string;
  payload: P;
  timestamp?: number;
  userId?: string;
  sessionId?: string;
  /** On durable events (id `ev:<seq>`) and on acks. */
  seq?: number;
  /** On ack, reply, error, auth_ok and an answered heartbeat: the id of the client message answered. */
  re?: string;
}

/** The outcome of a command, after its events were committed. */
export interface Ack {
  seq: number;
  events: number;
  /** The same message id was committed before: this is the original outcome, nothing was done twice. */
  duplicate?: boolean;
}

export type Role = 'gm' | 'player' | 'spectator';
export type PresenceStatus = 'active' | 'idle' | 'away';

export interface PresenceUser {
  userId: string;
  displayName: string;
  role: Role;
  status: PresenceStatus;
  devices?: { deviceId: string; transport: string; status: PresenceStatus }[];
}

export interface Page {
  items: Envelope[];
  nextBefore: number | null;
}

export interface Position {
  epoch: string | null;
  seq: number;
}

export interface WelcomePayload {
  protocol: number;
  connectionId: string;
  channel: 'session' | 'user' | 'system';
  userId: string;
  displayName: string;
  role: Role;
  serverTime: number;
  tokenExpiresAt?: number;
  position: Position;
  resumed: boolean;
  missed: number;
  resumeProblem?: 'ahead' | 'other_epoch' | 'too_far_behind';
  view?: { seated?: { userId: string; displayName: string; role: Role }[] };
  campaignId?: string;
  sessionName?: string;
  presence?: { users: PresenceUser[] };
  chat?: Page;
}

export interface ChatPosted {
  userId: string;
  displayName: string;
  kind: 'ic' | 'ooc' | 'emote' | 'announcement';
  text: string;
  to: 'table' | 'gms' | string[];
  as?: string;
  /** Inline rolls: one per `[[...]]` span of `text` (see src/table/inline-rolls.ts). */
  rolls?: unknown[];
}

/** The protocol this client speaks; a welcome with another number means the page must be updated. */
export const PROTOCOL = 1;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed';
export type TransportKind = 'websocket' | 'sse';

/** Durable events carry `ev:<seq>`; only they move the client's position. */
export function isEvent(frame: Envelope): frame is Envelope & { seq: number } {
  return frame.id.startsWith('ev:') && typeof frame.seq === 'number';
}

export function errorOf(frame: Envelope): HearthError {
  const p = frame.payload as Partial<HearthError>;
  return {
    code: typeof p.code === 'string' ? p.code : 'E009',
    message: typeof p.message === 'string' ? p.message : '',
    details: p.details,
    retryAfter: p.retryAfter,
  };
}
