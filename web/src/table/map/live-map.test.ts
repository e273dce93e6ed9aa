import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTableClient } from '../test-client';
import { LiveMap, PING_MS, SEND_EVERY_MS, type LiveClient } from './live-map.svelte';

let client: FakeTableClient;
let live: LiveMap;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(10_000);
  client = new FakeTableClient();
  live = new LiveMap(client as unknown as LiveClient, { userId: 'u1', displayName: 'Ada' });
  stop = live.start();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('LiveMap', () => {
  it('keeps others’ cursors by user, not ours, with their scene', () => {
    client.emit({ type: 'cursor_moves', payload: { cursors: [{ userId: 'u2', x: 5, y: 6, scene: 's1' }, { userId: 'u1', x: 1, y: 1 }] } });
    expect(live.cursors).toEqual({ u2: { x: 5, y: 6, scene: 's1', at: 10_000 } });
  });

  it('shows rulers until cleared, and pings for two seconds', () => {
    client.emit({ type: 'ruler', payload: { userId: 'u2', scene: 's1', points: [0, 0, 70, 70] } });
    expect(live.rulers.u2?.points).toEqual([0, 0, 70, 70]);
    client.emit({ type: 'ruler', payload: { userId: 'u2', scene: 's1', points: [] } });
    expect(live.rulers.u2).toBeUndefined();
    client.emit({ type: 'ping', payload: { userId: 'u2', scene: 's1', x: 3, y: 4 } });
    expect(live.pings).toHaveLength(1);
    vi.advanceTimersByTime(PING_MS + 500);
    expect(live.pings).toHaveLength(0);
  });

  it('sends our cursor at most every 50 ms, the latest last', () => {
    live.cursor('s1', 1, 1);
    live.cursor('s1', 2, 2);
    live.cursor('s1', 3, 3);
    expect(client.ephemerals).toEqual([{ type: 'cursor_move', payload: { x: 1, y: 1, scene: 's1' } }]);
    vi.advanceTimersByTime(SEND_EVERY_MS);
    expect(client.ephemerals.at(-1)).toEqual({ type: 'cursor_move', payload: { x: 3, y: 3, scene: 's1' } });
    expect(client.ephemerals).toHaveLength(2);
  });

  it('sends rulers and pings as the contract says', () => {
    live.measure('s1', [0, 0, 70, 0], true);
    live.pingAt('s1', 10, 20);
    expect(client.ephemerals).toEqual([
      { type: 'ruler', payload: { scene: 's1', points: [0, 0, 70, 0], private: true } },
      { type: 'ping', payload: { scene: 's1', x: 10, y: 20 } },
    ]);
    expect(live.pings).toHaveLength(1); // ours shows at once
  });
});
