import type { AttachedImage, AttachmentText } from '../messaging/types';
import type { KimiFailure, ModelInfo } from '../kimi/types';
import type { PreparedFile } from '../documents/attachments';
import type { DocFailure } from '../documents/types';
import { estimateImageTokens, imageDataUrl, imageSize } from '../documents/image';

/** One file (or screenshot) attached in the panel, as the attach bar shows it. */
export interface AttachItem {
  id: string;
  name: string;
  /**
   * reading: being read locally. ready: `text` goes with the question. image: `dataUrl` goes to a
   * vision model. needs-upload: only Kimi's file-extract can read it (asks first). uploading: it is
   * being read by Kimi. failed: `failure` says why; the other items are unaffected.
   */
  status: 'reading' | 'ready' | 'image' | 'needs-upload' | 'uploading' | 'failed';
  text?: string;
  bytes?: Uint8Array;
  dataUrl?: string;
  tokens?: number;
  failure?: DocFailure;
  kimiFailure?: KimiFailure;
  /** Kept for a password-protected PDF, to read it again with the password. */
  file?: File;
  /** Its text came back with a reopened conversation (utils/history/file-texts.ts). */
  restored?: boolean;
}

let counter = 0;
export const newItemId = () => `att-${Date.now().toString(36)}-${++counter}`;

/** A prepared file as an item; images get their data URL and token estimate here. */
export function itemFromPrepared(id: string, p: PreparedFile, file?: File): AttachItem {
  const base: AttachItem = { id, name: p.name, status: p.status, file };
  if (p.status === 'ready') return { ...base, text: p.text ?? '' };
  if (p.status === 'failed') return { ...base, failure: p.failure, kimiFailure: p.kimiFailure };
  if (p.status === 'needs-upload') return { ...base, bytes: p.bytes };
  return imageItem(base, p.bytes!);
}

/** An image: a data URL with its real MIME type, or failed when vision cannot take the format. */
export function imageItem(base: AttachItem, bytes: Uint8Array): AttachItem {
  const dataUrl = imageDataUrl(bytes);
  if (!dataUrl) return { ...base, status: 'failed', failure: { reason: 'unsupported-type' } };
  return { ...base, status: 'image', bytes, dataUrl, tokens: estimateImageTokens(imageSize(bytes)) };
}

export function bytesOfDataUrl(dataUrl: string): Uint8Array {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** What goes with the question: texts as attachments, images as image parts. */
export function extrasOf(items: readonly AttachItem[]): { attachments?: AttachmentText[]; images?: AttachedImage[] } {
  const attachments = items.filter((i) => i.status === 'ready').map((i) => ({ name: i.name, text: i.text ?? '' }));
  const images = items.filter((i) => i.status === 'image' && i.dataUrl).map((i) => ({ name: i.name, dataUrl: i.dataUrl! }));
  return { ...(attachments.length ? { attachments } : {}), ...(images.length ? { images } : {}) };
}

/** Why the question can't go yet, or null. Failed items are simply left out (their message stays on screen). */
export function blocker(items: readonly AttachItem[], imagesOk: boolean): 'pending' | 'consent' | 'vision' | null {
  if (items.some((i) => i.status === 'reading' || i.status === 'uploading')) return 'pending';
  if (items.some((i) => i.status === 'needs-upload')) return 'consent';
  if (!imagesOk && items.some((i) => i.status === 'image')) return 'vision';
  return null;
}

/** Whether `model` takes images, from /v1/models; unknown counts as no (a 400 would lose the question). */
export function acceptsImages(model: string | undefined, models: readonly ModelInfo[]): boolean {
  return !!model && models.find((m) => m.id === model)?.supportsImages === true;
}

/** A model to offer instead: one that sees images, of the same family when there is one. */
export function visionAlternative(model: string | undefined, models: readonly ModelInfo[]): string | undefined {
  const vision = models.filter((m) => m.supportsImages);
  const family = (model ?? '').split('-').slice(0, 2).join('-');
  return (vision.find((m) => family && m.id.startsWith(family)) ?? vision[0])?.id;
}
