// Commands not yet answered, kept in IndexedDB so that a reload or a dropped network loses
// nothing: each entry holds the frame exactly as first sent (its JSON text, so key order, which
// the server's duplicate check digests, is preserved). An entry is removed only on its ack or a
// definitive refusal; after a reconnect or a reload the client resends every entry, in the order
// they were first sent, with the original ids; the server answers a command it has already
// committed with the original ack and `duplicate: true`, so nothing happens twice.

export interface OutboxEntry {
  /** The message id, as first sent. */
  id: string;
  type: string;
  /** The whole frame `{id, type, payload}` as JSON text, exactly as first sent. */
  frame: string;
  /** When it was first queued, ms since the epoch. */
  created: number;
}

/** One stream's unsent commands for one user. Implementations keep insertion order. */
export interface Outbox {
  add(entry: OutboxEntry): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every entry, oldest first. */
  list(): Promise<OutboxEntry[]>;
}

/** For browsers without IndexedDB (some private modes) and for tests: lost on reload. */
export class MemoryOutbox implements Outbox {
  private readonly entries = new Map<string, OutboxEntry>();

  async add(entry: OutboxEntry): Promise<void> {
    if (!this.entries.has(entry.id)) this.entries.set(entry.id, entry);
  }

  async remove(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async list(): Promise<OutboxEntry[]> {
    return [...this.entries.values()];
  }
}

const DB_NAME = 'hearth-outbox';
const STORE = 'commands';

interface Row extends OutboxEntry {
  /** Which stream and user: `<stream>|<userId>`. */
  key: string;
  /** Auto-increment primary key: the insertion order. */
  n?: number;
}

/**
 * The outbox of one stream (e.g. `session:<id>`) for one user, in the shared `hearth-outbox`
 * database. Rows are ordered by an auto-increment key; `[key, id]` is unique so a retry of `add`
 * never queues a message twice.
 */
export class IndexedDbOutbox implements Outbox {
  private readonly key: string;
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    stream: string,
    userId: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {
    this.key = `${stream}|${userId}`;
  }

  async add(entry: OutboxEntry): Promise<void> {
    const row: Row = { ...entry, key: this.key };
    await this.run('readwrite', (store) => {
      const existing = store.index('keyId').getKey([this.key, entry.id]);
      existing.onsuccess = () => {
        if (existing.result === undefined) store.add(row);
      };
    });
  }

  async remove(id: string): Promise<void> {
    await this.run('readwrite', (store) => {
      const existing = store.index('keyId').getKey([this.key, id]);
      existing.onsuccess = () => {
        if (existing.result !== undefined) store.delete(existing.result);
      };
    });
  }

  async list(): Promise<OutboxEntry[]> {
    let rows: Row[] = [];
    await this.run('readonly', (store) => {
      const all = store.index('key').getAll(this.key);
      all.onsuccess = () => {
        rows = all.result as Row[];
      };
    });
    return rows
      .sort((a, b) => (a.n ?? 0) - (b.n ?? 0))
      .map(({ id, type, frame, created }) => ({ id, type, frame, created }));
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: 'n', autoIncrement: true });
        store.createIndex('key', 'key');
        store.createIndex('keyId', ['key', 'id'], { unique: true });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.db;
  }

  private async run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
    const db = await this.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
      work(tx.objectStore(STORE));
    });
  }

  /** Closes the database connection (tests simulate a reload with a new instance). */
  close(): void {
    void this.db?.then((db) => db.close());
    this.db = null;
  }
}

/** IndexedDB when the browser has it, else memory. */
export function outboxFor(stream: string, userId: string): Outbox {
  return typeof indexedDB === 'undefined' ? new MemoryOutbox() : new IndexedDbOutbox(stream, userId);
}
