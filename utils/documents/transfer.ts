/**
 * Hands a document's bytes from the panel to the worker. runtime messages are
 * JSON in Chrome (a Uint8Array would arrive as an object of numbers, and the
 * size is capped), while both contexts share the extension origin's IndexedDB,
 * which holds binary data as it is and which content scripts cannot open.
 * The worker takes (reads and deletes) each entry once; entries a closed panel
 * never handed over are swept after TRANSFER_TTL_MS.
 */
export interface TransferBackend {
  put(id: string, entry: TransferEntry): Promise<void>;
  take(id: string): Promise<TransferEntry | undefined>;
  /** Drops entries stored before `before` (ms since the epoch). */
  sweep(before: number): Promise<void>;
}

export interface TransferEntry {
  bytes: ArrayBuffer;
  at: number;
}

export const TRANSFER_TTL_MS = 10 * 60_000;
const DB_NAME = 'moonlit-transfer';
const STORE = 'documents';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

export function indexedDbTransfer(idb: IDBFactory = indexedDB): TransferBackend {
  const open = () => {
    const req = idb.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    return request(req);
  };
  const inTx = async <T>(fn: (s: IDBObjectStore) => Promise<T> | T): Promise<T> => {
    const db = await open();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const result = await fn(tx.objectStore(STORE));
      await done(tx);
      return result;
    } finally {
      db.close();
    }
  };
  return {
    put: (id, entry) => inTx((s) => void s.put(entry, id)),
    take: (id) =>
      inTx(async (s) => {
        const entry = (await request(s.get(id))) as TransferEntry | undefined;
        s.delete(id);
        return entry;
      }),
    sweep: (before) =>
      inTx(async (s) => {
        const keys = await request(s.getAllKeys());
        const values = (await request(s.getAll())) as TransferEntry[];
        keys.forEach((k, i) => {
          if (!(values[i]?.at >= before)) s.delete(k);
        });
      }),
  };
}

export function memoryTransfer(): TransferBackend {
  const map = new Map<string, TransferEntry>();
  return {
    put: async (id, entry) => void map.set(id, entry),
    take: async (id) => {
      const entry = map.get(id);
      map.delete(id);
      return entry;
    },
    sweep: async (before) => {
      for (const [k, v] of map) if (v.at < before) map.delete(k);
    },
  };
}

let backend: TransferBackend | undefined;

/** Tests swap in memoryTransfer(). */
export function useTransferBackend(next: TransferBackend | undefined): void {
  backend = next;
}

const current = () => (backend ??= indexedDbTransfer());

/** Panel side: stores a copy of the bytes, returns the id to send to the worker. */
export async function handOver(bytes: Uint8Array, now = Date.now()): Promise<string> {
  await current()
    .sweep(now - TRANSFER_TTL_MS)
    .catch(() => undefined);
  const id = crypto.randomUUID();
  await current().put(id, { bytes: bytes.slice().buffer, at: now });
  return id;
}

/** Worker side: the bytes for `id`, once; null when unknown or expired. */
export async function takeOver(id: string, now = Date.now()): Promise<Uint8Array | null> {
  const entry = await current().take(id);
  if (!entry || now - entry.at > TRANSFER_TTL_MS) return null;
  return new Uint8Array(entry.bytes);
}
