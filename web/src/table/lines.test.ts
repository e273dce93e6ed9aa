import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../lib/realtime/client';
import { activityText, lineOf, mergeBySeq, statusText, viewOf, type ChatLine } from './lines';

const names = new Map([
  ['u1', 'Ada'],
  ['u2', 'Bob'],
]);

function line(over: Partial<ChatLine>): ChatLine {
  return { key: 'k', seq: 1, userId: 'u2', displayName: 'Bob', kind: 'ooc', text: 'hi', to: 'table', ...over };
}

describe('chat lines', () => {
  it('shows emotes as "* name does x", speaking as the character when given', () => {
    expect(viewOf(line({ kind: 'emote', text: 'waves' }), 'u1', names).body).toBe('* Bob waves');
    expect(viewOf(line({ kind: 'emote', text: 'bows', as: 'Sir Rolf' }), 'u1', names).body).toBe('* Sir Rolf bows');
    expect(viewOf(line({ kind: 'ic', as: 'Sir Rolf' }), 'u1', names).speaker).toBe('Sir Rolf');
  });

  it('marks whispers from the point of view of the reader', () => {
    expect(viewOf(line({ userId: 'u1', displayName: 'Ada', to: ['u2'] }), 'u1', names).audience).toBe('whisper to Bob');
    expect(viewOf(line({ to: ['u1'] }), 'u1', names).audience).toBe('whisper from Bob');
    expect(viewOf(line({ to: 'gms', userId: 'u1' }), 'u1', names).audience).toBe('to GMs only');
    expect(viewOf(line({}), 'u1', names).audience).toBeNull();
  });

  it('keeps each committed line once, by seq', () => {
    const a = line({ seq: 3, text: 'c' });
    const b = line({ seq: 1, text: 'a' });
    expect(mergeBySeq([a], [b, a]).map((l) => l.seq)).toEqual([1, 3]);
  });

  it('reads a chat.posted event', () => {
    const l = lineOf({ id: 'ev:4', type: 'chat.posted', seq: 4, payload: { userId: 'u2', displayName: 'Bob', kind: 'ic', text: 't', to: 'table', as: 'Rolf' } });
    expect(l).toEqual({ key: 'ev:4', seq: 4, userId: 'u2', displayName: 'Bob', kind: 'ic', text: 't', to: 'table', as: 'Rolf' });
  });
});

describe('activity and status', () => {
  it('says who arrived, left, or announced', () => {
    expect(activityText({ id: 'ev:1', type: 'member.arrived', payload: { displayName: 'Ada', role: 'gm' } })).toBe('Ada arrived (GM)');
    expect(activityText({ id: 'ev:2', type: 'member.left', payload: { displayName: 'Bob' } })).toBe('Bob left');
  });

  it('words the connection status', () => {
    const base: ConnectionStatus = { state: 'open', transport: 'websocket', latency: 23, retryAt: null, problem: null };
    expect(statusText(base, 0)).toBe('Connected · 23 ms');
    expect(statusText({ ...base, transport: 'sse' }, 0)).toBe('Connected via fallback (SSE)');
    expect(statusText({ ...base, state: 'reconnecting', retryAt: 4000 }, 200)).toBe('Reconnecting in 4 s…');
    expect(statusText({ ...base, state: 'offline' }, 0)).toBe('Offline — messages will be sent when you are back');
    expect(statusText({ ...base, state: 'connecting' }, 0)).toBe('Connecting…');
  });
});
