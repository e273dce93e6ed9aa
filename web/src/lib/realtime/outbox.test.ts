import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IndexedDbOutbox, type OutboxEntry } from './outbox';

const entry = (id: string, text = id): OutboxEntry => ({
  id,
  type: 'chat.post',
  frame: JSON.stringify({ id, type: 'chat.post', payload: { text, kind: 'ooc' } }),
  created: 1,
});

describe('IndexedDbOutbox', () => {
  it('keeps entries in the order they were added, across a new instance (a reload)', async () => {
    const idb = new IDBFactory();
    const first = new IndexedDbOutbox('session:s1', 'u1', idb);
    await first.add(entry('b'));
    await first.add(entry('a'));
    await first.add(entry('c'));
    first.close();

    const reloaded = new IndexedDbOutbox('session:s1', 'u1', idb);
    expect((await reloaded.list()).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect((await reloaded.list())[0]).toEqual(entry('b'));
  });

  it('never queues the same id twice and removes by id', async () => {
    const box = new IndexedDbOutbox('session:s1', 'u1', new IDBFactory());
    await box.add(entry('m1', 'first'));
    await box.add(entry('m1', 'second'));
    await box.add(entry('m2'));
    await box.remove('m1');
    await box.remove('unknown');
    expect(await box.list()).toEqual([entry('m2')]);
  });

  it('keeps streams and users apart', async () => {
    const idb = new IDBFactory();
    await new IndexedDbOutbox('session:s1', 'u1', idb).add(entry('x'));
    await new IndexedDbOutbox('session:s2', 'u1', idb).add(entry('y'));
    await new IndexedDbOutbox('session:s1', 'u2', idb).add(entry('z'));
    expect((await new IndexedDbOutbox('session:s1', 'u1', idb).list()).map((e) => e.id)).toEqual(['x']);
  });
});
