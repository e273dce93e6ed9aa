// What the table shows for chat lines, activity items, people and the connection: pure functions
// of the protocol's frames, so that they are tested without a browser.
import type { ConnectionStatus } from '../lib/realtime/client';
import type { ChatPosted, Envelope, PresenceStatus, Role } from '../lib/realtime/envelope';
import { inlineRollsOf, type InlineRoll } from './inline-rolls';

export type ChatKind = ChatPosted['kind'];
export type Recipients = ChatPosted['to'];

/** A committed chat line (from an event) or one of ours on its way (`pending`). */
export interface ChatLine {
  /** `ev:<seq>` for committed lines, the message id for pending ones. */
  key: string;
  seq: number | null;
  userId: string;
  displayName: string;
  kind: ChatKind;
  text: string;
  to: Recipients;
  as?: string;
  /** The server's rolls of the `[[...]]` spans in `text`. */
  rolls?: InlineRoll[];
  /** Ours, not yet committed: `sending` while connected, `queued` while not; `sent` once acked, until its event arrives. */
  pending?: 'sending' | 'queued' | 'sent';
}

export function lineOf(event: Envelope): ChatLine {
  const p = event.payload as unknown as ChatPosted;
  const line: ChatLine = {
    key: event.id,
    seq: event.seq ?? null,
    userId: p.userId,
    displayName: p.displayName,
    kind: p.kind,
    text: p.text,
    to: p.to,
  };
  if (p.as) line.as = p.as;
  const rolls = inlineRollsOf(p.rolls);
  if (rolls.length > 0) line.rolls = rolls;
  return line;
}

/** Committed lines by seq, each once, oldest first. */
export function mergeBySeq<T extends { seq: number | null }>(held: T[], incoming: T[]): T[] {
  const bySeq = new Map<number, T>();
  for (const item of [...held, ...incoming]) if (item.seq !== null) bySeq.set(item.seq, item);
  return [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export interface LineView {
  speaker: string;
  /** The whole visible sentence for an emote (`* Ada waves`), else the text. */
  body: string;
  /** `whisper to Bob`, `whisper from Ada`, `to GMs only`, or null. */
  audience: string | null;
  label: string;
}

const KIND_LABELS: Record<ChatKind, string> = {
  ic: 'In character',
  ooc: 'Out of character',
  emote: 'Emote',
  announcement: 'Announcement',
};

export function viewOf(line: ChatLine, me: string, names: ReadonlyMap<string, string>): LineView {
  const speaker = (line.kind === 'ic' || line.kind === 'emote') && line.as ? line.as : line.displayName;
  const body = line.kind === 'emote' ? `* ${speaker} ${line.text}` : line.text;
  let audience: string | null = null;
  if (line.to === 'gms') audience = line.userId === me ? 'to GMs only' : `to GMs only, from ${line.displayName}`;
  else if (Array.isArray(line.to)) {
    audience =
      line.userId === me
        ? `whisper to ${line.to.map((id) => names.get(id) ?? 'someone').join(', ')}`
        : `whisper from ${line.displayName}`;
  }
  return { speaker, body, audience, label: KIND_LABELS[line.kind] };
}

export const ROLE_LABELS: Record<Role, string> = { gm: 'GM', player: 'Player', spectator: 'Spectator' };
export const STATUS_LABELS: Record<PresenceStatus, string> = { active: 'active', idle: 'idle', away: 'away' };

/** One activity item as a sentence: arrivals, departures, announcements. */
export function activityText(event: Envelope): string {
  const p = event.payload as Record<string, unknown>;
  const who = String(p.displayName ?? 'Someone');
  switch (event.type) {
    case 'member.arrived':
      return `${who} arrived${p.role ? ` (${ROLE_LABELS[p.role as Role] ?? p.role})` : ''}`;
    case 'member.left':
      return `${who} left`;
    case 'chat.posted':
      return `Announcement from ${who}: ${String(p.text ?? '')}`;
    default:
      return `${who}: ${event.type}`;
  }
}

export function isActivity(event: Envelope): boolean {
  return (
    event.type === 'member.arrived' ||
    event.type === 'member.left' ||
    (event.type === 'chat.posted' && (event.payload as { kind?: string }).kind === 'announcement')
  );
}

/** The text of the status element (role="status", aria-label="Connection"). */
export function statusText(status: ConnectionStatus, now: number): string {
  switch (status.state) {
    case 'open':
      if (status.transport === 'sse') return 'Connected via fallback (SSE)';
      return status.latency === null ? 'Connected' : `Connected · ${Math.round(status.latency)} ms`;
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting': {
      const seconds = status.retryAt === null ? 0 : Math.ceil((status.retryAt - now) / 1000);
      return seconds > 0 ? `Reconnecting in ${seconds} s…` : 'Reconnecting…';
    }
    case 'offline':
      return 'Offline — messages will be sent when you are back';
    case 'closed':
      return status.problem?.message ?? 'Disconnected';
  }
}
