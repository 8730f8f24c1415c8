import { browser } from 'wxt/browser';

/**
 * Text that Kimi extracted from a document, kept by content hash so asking
 * again does not upload again. It lives in storage.session: content scripts
 * can read storage.local, but not storage.session (Chrome's default access
 * level is trusted contexts only; Firefox does not expose it to them), and a
 * user's document text has no business outliving the browser session anyway.
 * The session area is held in memory (Chrome: 10 MB, shared with the tab →
 * conversation map), so the cache is bounded and drops the least recently
 * used entries first.
 */
export const DOC_CACHE_PREFIX = 'docCache:';
const INDEX_KEY = 'docCacheIndex';
export const DOC_CACHE_MAX_BYTES = 3 * 1024 * 1024;

interface IndexEntry {
  hash: string;
  bytes: number;
  usedAt: number;
}

export interface CachedText {
  text: string;
  filename: string;
}

const area = () => browser.storage.session;
const keyOf = (hash: string) => `${DOC_CACHE_PREFIX}${hash}`;
const sizeOf = (value: CachedText) => new TextEncoder().encode(JSON.stringify(value)).length;

async function readIndex(): Promise<IndexEntry[]> {
  const got = await area().get(INDEX_KEY);
  const list = got[INDEX_KEY];
  return Array.isArray(list) ? (list as IndexEntry[]).filter((e) => e && typeof e.hash === 'string') : [];
}

// One change at a time: two documents finishing together must not drop each other's index entry.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

export function getCachedText(hash: string, now = Date.now()): Promise<CachedText | null> {
  return serial(async () => {
    const got = await area().get(keyOf(hash));
    const value = got[keyOf(hash)] as CachedText | undefined;
    if (!value || typeof value.text !== 'string') return null;
    const index = await readIndex();
    const entry = index.find((e) => e.hash === hash);
    if (entry) {
      entry.usedAt = now;
      await area().set({ [INDEX_KEY]: index });
    }
    return value;
  });
}

export function putCachedText(hash: string, value: CachedText, now = Date.now(), maxBytes = DOC_CACHE_MAX_BYTES): Promise<void> {
  return serial(async () => {
    const bytes = sizeOf(value);
    if (bytes > maxBytes) return; // bigger than the whole cache: not worth evicting everything
    let index = (await readIndex()).filter((e) => e.hash !== hash);
    index.push({ hash, bytes, usedAt: now });
    index.sort((a, b) => b.usedAt - a.usedAt);
    let total = 0;
    const keep: IndexEntry[] = [];
    const drop: string[] = [];
    for (const e of index) {
      if (total + e.bytes <= maxBytes) {
        keep.push(e);
        total += e.bytes;
      } else drop.push(keyOf(e.hash));
    }
    index = keep;
    if (drop.length) await area().remove(drop);
    await area().set({ [keyOf(hash)]: value, [INDEX_KEY]: index });
  });
}

export function clearDocCache(): Promise<void> {
  return serial(async () => {
    const index = await readIndex();
    await area().remove([INDEX_KEY, ...index.map((e) => keyOf(e.hash))]);
  });
}
