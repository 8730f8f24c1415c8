import { browser } from 'wxt/browser';
import { CONVERSATION_PREFIX, metaOf, migrateConversation, type ConversationMeta, type StoredConversation } from './schema';
import { deleteFileTexts, FILE_TEXTS_PREFIX } from './file-texts';

const area = () => browser.storage.local;
const keyOf = (id: string) => `${CONVERSATION_PREFIX}${id}`;

/** Writes to one key run one after another, so two quick actions never lose one. */
const queues = new Map<string, Promise<unknown>>();
function serial<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  return run;
}

export function saveConversation(c: StoredConversation): Promise<void> {
  return serial(keyOf(c.id), () => area().set({ [keyOf(c.id)]: c }));
}

export async function loadConversation(id: string): Promise<StoredConversation | null> {
  const key = keyOf(id);
  const got = await area().get(key);
  return migrateConversation(got[key]);
}

/** Applies `change` to the stored record, read and written inside the same queue slot. */
export function updateConversation(id: string, change: (c: StoredConversation) => StoredConversation): Promise<StoredConversation | null> {
  const key = keyOf(id);
  return serial(key, async () => {
    const current = migrateConversation((await area().get(key))[key]);
    if (!current) return null;
    const next = change(current);
    await area().set({ [key]: next });
    return next;
  });
}

async function allConversations(): Promise<StoredConversation[]> {
  const everything = await area().get(null);
  return Object.entries(everything)
    .filter(([key]) => key.startsWith(CONVERSATION_PREFIX))
    .map(([, value]) => migrateConversation(value))
    .filter((c): c is StoredConversation => c !== null);
}

/** Newest first; conversations without a single turn are not worth listing. */
export async function listConversations(): Promise<ConversationMeta[]> {
  return (await allConversations())
    .filter((c) => c.turns.length > 0)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map(metaOf);
}

/** The most recent conversation about `url` — how a tab finds its conversation after a browser restart. */
export async function latestForUrl(url: string): Promise<StoredConversation | null> {
  const matches = (await allConversations()).filter((c) => c.url === url && c.turns.length > 0);
  return matches.sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

export function deleteConversation(id: string): Promise<void> {
  return serial(keyOf(id), async () => {
    await area().remove(keyOf(id));
    await deleteFileTexts(id);
  });
}

export async function clearHistory(): Promise<void> {
  const all = Object.keys(await area().get(null));
  const keys = all.filter((k) => k.startsWith(CONVERSATION_PREFIX));
  await Promise.all(keys.map((k) => serial(k, () => area().remove(k))));
  // The attached files' texts go with them.
  await area().remove(all.filter((k) => k.startsWith(FILE_TEXTS_PREFIX)));
}

/** Deletes these conversations and their file texts (Options → Storage); resolves once all are gone. */
export async function deleteConversations(ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map(deleteConversation));
}
