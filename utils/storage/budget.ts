/**
 * Moonlit's own storage budget, and the arithmetic behind the Options "Storage" section and the panel's
 * warnings. Pure: measuring is usage.ts. docs/storage.md says why there is a budget and no unlimitedStorage.
 */
import { CONVERSATION_PREFIX } from '../history/schema';
import { FILE_TEXTS_PREFIX } from '../history/file-texts';

/** Of Chromium's 10 MB storage.local quota: the rest stays free so settings can always be written. */
export const LOCAL_BUDGET_BYTES = 8 * 1024 * 1024;
/** From this share of the budget on, the panel says storage is nearly full. */
export const NEAR_SHARE = 0.9;

export type StorageLevel = 'ok' | 'near' | 'over';

/** Bytes by part: conversations (with their kept file texts), settings and caches in storage.local; the documents cache in storage.session. */
export interface StorageUsage {
  conversations: number;
  settings: number;
  documents: number;
  /** storage.local in all: what the budget is about. */
  local: number;
  budget: number;
  /** The browser's hard limit for storage.local, when it has one (Chromium: 10 MB). */
  quota?: number;
}

const utf8 = new TextEncoder();
/** As Chromium counts a storage entry: its key and its value as JSON, in UTF-8 bytes. */
export const entryBytes = (key: string, value: unknown): number => utf8.encode(key).length + utf8.encode(JSON.stringify(value) ?? '').length;

export const isConversationKey = (key: string) => key.startsWith(CONVERSATION_PREFIX) || key.startsWith(FILE_TEXTS_PREFIX);

/** The conversation a key belongs to (its record or its file texts), or null for any other key. */
export function conversationIdOf(key: string): string | null {
  if (key.startsWith(CONVERSATION_PREFIX)) return key.slice(CONVERSATION_PREFIX.length);
  if (key.startsWith(FILE_TEXTS_PREFIX)) return key.slice(FILE_TEXTS_PREFIX.length);
  return null;
}

/** Estimated bytes of storage.local's entries, split into conversations and everything else. */
export function splitLocal(entries: Record<string, unknown>): { conversations: number; settings: number } {
  let conversations = 0;
  let settings = 0;
  for (const [key, value] of Object.entries(entries)) {
    if (isConversationKey(key)) conversations += entryBytes(key, value);
    else settings += entryBytes(key, value);
  }
  return { conversations, settings };
}

export function levelOf(used: number, budget = LOCAL_BUDGET_BYTES): StorageLevel {
  if (used >= budget) return 'over';
  return used >= budget * NEAR_SHARE ? 'near' : 'ok';
}

/** Whole percent of the budget in use, rounded down (so "100 %" means it really is full). */
export const percentOf = (used: number, budget = LOCAL_BUDGET_BYTES): number => Math.floor((used / Math.max(1, budget)) * 100);

export interface ConversationSize {
  id: string;
  title: string;
  updatedAt: number;
  /** Its record and its kept file texts. */
  bytes: number;
}

/** Each stored conversation with its size; file texts whose conversation is gone count as their own entry. */
export function conversationSizes(entries: Record<string, unknown>): ConversationSize[] {
  const byId = new Map<string, ConversationSize>();
  for (const [key, value] of Object.entries(entries)) {
    const id = conversationIdOf(key);
    if (id === null) continue;
    const size = byId.get(id) ?? { id, title: '', updatedAt: 0, bytes: 0 };
    size.bytes += entryBytes(key, value);
    if (key.startsWith(CONVERSATION_PREFIX)) {
      const c = value as { name?: unknown; title?: unknown; url?: unknown; updatedAt?: unknown } | null;
      const name = [c?.name, c?.title, c?.url].find((x) => typeof x === 'string' && x);
      size.title = typeof name === 'string' ? name : id;
      size.updatedAt = typeof c?.updatedAt === 'number' ? c.updatedAt : 0;
    }
    byId.set(id, size);
  }
  return [...byId.values()];
}

export type DeleteOrder = 'oldest' | 'largest';

/** The first `count` conversations in `order` (ties: the older first), and the bytes deleting them frees. */
export function pickForDeletion(list: readonly ConversationSize[], order: DeleteOrder, count: number): { picked: ConversationSize[]; bytes: number } {
  const sorted = [...list].sort((a, b) => (order === 'largest' ? b.bytes - a.bytes : 0) || a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
  const picked = sorted.slice(0, Math.max(0, Math.min(Math.floor(count), sorted.length)));
  return { picked, bytes: picked.reduce((n, c) => n + c.bytes, 0) };
}

/** How many of `list`, taken in `order`, must go to bring `used` under the near-full line of the budget. */
export function countToRelieve(list: readonly ConversationSize[], order: DeleteOrder, used: number, budget = LOCAL_BUDGET_BYTES): number {
  const target = budget * NEAR_SHARE;
  const { picked } = pickForDeletion(list, order, list.length);
  let left = used;
  let n = 0;
  while (left >= target && n < picked.length) left -= picked[n++].bytes;
  return n;
}
