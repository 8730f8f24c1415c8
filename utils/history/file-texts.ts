/**
 * The text of the files attached in a conversation, kept beside it (key `convFiles:<id>`) rather than in it:
 * the conversation record is rewritten while an answer streams, and up to 1 MB of file text should not be.
 * Bounded twice: 1 MB per conversation (the panel decides what fits, see utils/panel/document-history.ts) and
 * FILE_TEXTS_TOTAL over all conversations, oldest dropped first (Chromium's storage.local holds 10 MB in all).
 */
import { browser } from 'wxt/browser';

export const FILE_TEXTS_PREFIX = 'convFiles:';
export const FILE_TEXTS_VERSION = 1;
/** Per conversation. */
export const FILE_TEXTS_CAP = 1024 * 1024;
export const FILE_TEXTS_TOTAL = 4 * 1024 * 1024;

export interface KeptFile {
  name: string;
  text: string;
}

interface FileTextsRecord {
  v: typeof FILE_TEXTS_VERSION;
  savedAt: number;
  bytes: number;
  files: KeptFile[];
}

const area = () => browser.storage.local;
const keyOf = (convId: string) => `${FILE_TEXTS_PREFIX}${convId}`;
export const textBytes = (text: string) => new TextEncoder().encode(text).length;

function readRecord(raw: unknown): FileTextsRecord | null {
  const r = raw as FileTextsRecord | null;
  if (!r || r.v !== FILE_TEXTS_VERSION || !Array.isArray(r.files)) return null;
  const files = r.files.filter((f) => !!f && typeof f.name === 'string' && typeof f.text === 'string');
  return { ...r, files, bytes: typeof r.bytes === 'number' ? r.bytes : 0, savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0 };
}

/** The files of the latest question in conversation `convId`; an empty list removes the record. */
export async function saveFileTexts(convId: string, files: readonly KeptFile[], now = Date.now()): Promise<void> {
  if (!files.length) return area().remove(keyOf(convId));
  const bytes = files.reduce((n, f) => n + textBytes(f.text), 0);
  await area().set({ [keyOf(convId)]: { v: FILE_TEXTS_VERSION, savedAt: now, bytes, files: [...files] } satisfies FileTextsRecord });
  await trimFileTexts();
}

export async function loadFileTexts(convId: string): Promise<KeptFile[]> {
  const key = keyOf(convId);
  return readRecord((await area().get(key))[key])?.files ?? [];
}

export const deleteFileTexts = (convId: string) => area().remove(keyOf(convId));

/** Drops the oldest conversations' file texts until all of them fit in FILE_TEXTS_TOTAL. */
export async function trimFileTexts(total = FILE_TEXTS_TOTAL): Promise<string[]> {
  const all = await area().get(null);
  const records = Object.entries(all)
    .filter(([key]) => key.startsWith(FILE_TEXTS_PREFIX))
    .map(([key, value]) => ({ key, record: readRecord(value) }))
    .sort((a, b) => (b.record?.savedAt ?? 0) - (a.record?.savedAt ?? 0));
  let used = 0;
  const drop: string[] = [];
  for (const { key, record } of records) {
    used += record?.bytes ?? 0;
    if (!record || used > total) drop.push(key);
  }
  if (drop.length) await area().remove(drop);
  return drop;
}
