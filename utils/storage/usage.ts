/**
 * Measures what Moonlit stores. Chromium counts bytes itself (`getBytesInUse`); where an area lacks it
 * (Firefox, or an older browser) the same count is estimated from the entries: key plus JSON value.
 */
import { browser } from 'wxt/browser';
import { DOC_CACHE_PREFIX } from '../documents/doc-cache';
import { conversationSizes, entryBytes, isConversationKey, LOCAL_BUDGET_BYTES, splitLocal, type ConversationSize, type StorageUsage } from './budget';

interface Area {
  get(keys: null): Promise<Record<string, unknown>>;
  getBytesInUse?: (keys?: string | string[] | null) => Promise<number>;
}

/** The browser's own count of `keys` in `area`, or null where it has none. */
async function bytesInUse(area: Area, keys: string[] | null): Promise<number | null> {
  if (typeof area.getBytesInUse !== 'function') return null;
  try {
    const n = await area.getBytesInUse(keys);
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
  } catch {
    return null; // declared but not implemented (Firefox for some areas): estimate instead
  }
}

const local = () => browser.storage.local as unknown as Area;
const session = () => browser.storage.session as unknown as Area | undefined;

/** storage.local's hard limit, when the browser states one (Chromium: 10 MB without unlimitedStorage). */
function localQuota(): number | undefined {
  const q = (browser.storage.local as unknown as { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  return typeof q === 'number' && q > 0 ? q : undefined;
}

async function documentsBytes(): Promise<number> {
  const area = session();
  if (!area) return 0;
  const entries = await area.get(null);
  const keys = Object.keys(entries).filter((k) => k.startsWith(DOC_CACHE_PREFIX));
  if (!keys.length) return 0;
  return (await bytesInUse(area, keys)) ?? keys.reduce((n, k) => n + entryBytes(k, entries[k]), 0);
}

export interface StorageReport {
  usage: StorageUsage;
  conversations: ConversationSize[];
}

/** Everything the Options page shows: usage by part, and each conversation's size. */
export async function measureStorage(budget = LOCAL_BUDGET_BYTES): Promise<StorageReport> {
  const entries = await local().get(null);
  const estimate = splitLocal(entries);
  const convKeys = Object.keys(entries).filter(isConversationKey);
  const [all, conv, documents] = await Promise.all([bytesInUse(local(), null), bytesInUse(local(), convKeys), documentsBytes()]);
  const conversations = conv ?? estimate.conversations;
  const localBytes = all ?? estimate.conversations + estimate.settings;
  const quota = localQuota();
  return {
    usage: { conversations, settings: Math.max(0, localBytes - conversations), documents, local: localBytes, budget, ...(quota ? { quota } : {}) },
    conversations: conversationSizes(entries),
  };
}

/** storage.local in all: cheap where the browser counts (the panel asks after each settled answer). */
export async function localBytesInUse(): Promise<number> {
  const counted = await bytesInUse(local(), null);
  if (counted !== null) return counted;
  const { conversations, settings } = splitLocal(await local().get(null));
  return conversations + settings;
}
