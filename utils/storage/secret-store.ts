/**
 * Where the API key lives.
 *
 * Content scripts can read storage.local (and, in Firefox, storage.session
 * can't be locked down the same way in every version), so the key is kept in
 * IndexedDB of the extension's own origin. Only extension pages and the
 * background can open that database; a content script runs with the page's
 * origin and sees the page's IndexedDB instead.
 */
export interface SecretBackend {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

const DB_NAME = 'moonlit-secrets';
const STORE = 'secrets';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(idb: IDBFactory): Promise<IDBDatabase> {
  const open = idb.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

export function indexedDbBackend(idb: IDBFactory = indexedDB): SecretBackend {
  // Every question reads the key: open the database once per context, not per read.
  let db: Promise<IDBDatabase> | undefined;
  const connection = () => {
    db ??= openDb(idb).then((opened) => {
      opened.onclose = () => (db = undefined);
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      return opened;
    });
    db.catch(() => (db = undefined));
    return db;
  };
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
    request(fn((await connection()).transaction(STORE, mode).objectStore(STORE)));
  return {
    get: (name) => run('readonly', (s) => s.get(name)) as Promise<string | undefined>,
    set: async (name, value) => void (await run('readwrite', (s) => s.put(value, name))),
    delete: async (name) => void (await run('readwrite', (s) => s.delete(name))),
  };
}

export function memoryBackend(): SecretBackend {
  const map = new Map<string, string>();
  return {
    get: async (name) => map.get(name),
    set: async (name, value) => void map.set(name, value),
    delete: async (name) => void map.delete(name),
  };
}

let backend: SecretBackend | undefined;

/** Tests swap in memoryBackend(); production uses IndexedDB. */
export function useSecretBackend(next: SecretBackend): void {
  backend = next;
}

function current(): SecretBackend {
  backend ??= indexedDbBackend();
  return backend;
}

/** Tells Moonlit's other pages and its worker that the key changed (the worker holds what it read). */
const CHANNEL = 'moonlit-secrets';

function announce(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel: nothing holds the key anywhere to be told.
  }
}

/** Calls `fn` whenever another context of the extension saves or removes the key. */
export function onSecretChange(fn: () => void): void {
  try {
    new BroadcastChannel(CHANNEL).onmessage = () => fn();
  } catch {
    // See announce().
  }
}

export const getApiKey = async (): Promise<string> => (await current().get('apiKey')) ?? '';
export async function setApiKey(key: string): Promise<void> {
  await current().set('apiKey', key.trim());
  announce();
}
export async function clearApiKey(): Promise<void> {
  await current().delete('apiKey');
  announce();
}
