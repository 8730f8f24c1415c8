import { extensionOf, IMAGE_MIME, OFFICE_EXTENSIONS } from '../documents/file-types';
import { FILE_TEXTS_CAP, saveFileTexts, textBytes, type KeptFile } from '../history/file-texts';
import type { TurnFile } from '../history/turn-files';
import type { AttachedImage, AttachmentText } from '../messaging/types';
import type { Conversation, Turn } from './conversation';
import { panelSaves } from './save-status';
import type { AttachItem } from './document-attach';

/** What goes with a question besides the page: the parts Kimi gets, and what the conversation records. */
export interface AskExtrasWithFiles {
  attachments?: AttachmentText[];
  images?: AttachedImage[];
  /** Recorded on the turn. */
  files?: TurnFile[];
  /** Texts kept with the conversation (1 MB at most), so follow-ups after reopening still include them. */
  keep?: KeptFile[];
}

function kindOf(item: AttachItem): TurnFile['kind'] {
  if (item.status === 'image') return 'image';
  const ext = extensionOf(item.name);
  if (ext === 'pdf') return 'pdf';
  if (OFFICE_EXTENSIONS.has(ext)) return 'office';
  return ext in IMAGE_MIME ? 'image' : 'text'; // an image read as text by file-extract is still an image
}

/**
 * The files going with the next question, and which texts are kept: in the order they were attached, each
 * while the total stays within `cap`. Images are never kept (a data URL per question would fill the storage).
 */
export function filesOfItems(items: readonly AttachItem[], cap = FILE_TEXTS_CAP): Pick<AskExtrasWithFiles, 'files' | 'keep'> {
  const files: TurnFile[] = [];
  const keep: KeptFile[] = [];
  let used = 0;
  for (const item of items) {
    if (item.status !== 'ready' && item.status !== 'image') continue;
    const text = item.status === 'ready' ? (item.text ?? '') : '';
    const bytes = textBytes(text);
    const kept = item.status === 'ready' && used + bytes <= cap;
    if (kept) {
      used += bytes;
      keep.push({ name: item.name, text });
    }
    files.push({ name: item.name, kind: kindOf(item), size: item.file?.size ?? item.bytes?.length ?? bytes, kept });
  }
  return files.length ? { files, keep } : {};
}

/** Only what the worker needs to build the request. */
export function askParts(extras: AskExtrasWithFiles): Pick<AskExtrasWithFiles, 'attachments' | 'images'> {
  return { ...(extras.attachments ? { attachments: extras.attachments } : {}), ...(extras.images ? { images: extras.images } : {}) };
}

/**
 * Records the attached files on the new turn and keeps their texts beside the conversation (the latest
 * question's files replace the earlier ones; none removes them). Saving runs in the background: a failure
 * only means the texts are not there after reopening, and it is reported to the panel's save status.
 */
export function recordTurnFiles<C extends Conversation>(
  convId: string,
  [conv, turn]: [C, Turn],
  extras: AskExtrasWithFiles,
  save: (id: string, files: KeptFile[]) => Promise<void> = saveFileTexts,
): [C, Turn] {
  void panelSaves.track(`files:${convId}`, () => save(convId, extras.keep ?? [])).catch(() => undefined); // shown by the panel
  if (!extras.files?.length) return [conv, turn];
  const withFiles = { ...turn, files: extras.files };
  return [{ ...conv, turns: conv.turns.map((t) => (t.id === turn.id ? withFiles : t)) }, withFiles];
}

/** "812 bytes", "14 KB", "2.5 MB" in the user's language's digits. */
export function sizeParts(bytes: number, lang?: string): { key: 'fileSizeBytes' | 'fileSizeKb' | 'fileSizeMb'; value: string } {
  const fmt = (n: number, digits: number) => n.toLocaleString(lang, { maximumFractionDigits: digits });
  if (bytes < 1024) return { key: 'fileSizeBytes', value: fmt(bytes, 0) };
  if (bytes < 1024 * 1024) return { key: 'fileSizeKb', value: fmt(bytes / 1024, 0) };
  return { key: 'fileSizeMb', value: fmt(bytes / 1024 / 1024, 1) };
}
