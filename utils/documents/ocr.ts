import { deleteFile, fileContent, uploadForExtraction, type FilesConnection } from '../kimi/files';
import { getCachedText, putCachedText } from './doc-cache';
import { sha256Hex } from './hash';
import { DocumentError } from './types';
import { writeCache } from '../storage/write-errors';

export interface OcrResult {
  text: string;
  /** True when the text came from the local cache: nothing was uploaded. */
  cached: boolean;
  hash: string;
}

/** What Kimi returns when it found no text at all (the simulator's stand-in for OCR included). */
const NO_TEXT = /^\s*$/;

/**
 * Text of a document by Kimi's file-extract (OCR for scans): upload, read,
 * and always delete the uploaded copy. The result is cached by content hash,
 * so a second question about the same bytes sends nothing.
 * Throws KimiError for API failures, DocumentError('ocr-empty') when no text came back.
 * Only call this after the user agreed to the upload.
 */
export async function extractViaKimi(bytes: Uint8Array, filename: string, conn: FilesConnection): Promise<OcrResult> {
  const hash = await sha256Hex(bytes);
  const hit = await getCachedText(hash);
  if (hit) return { text: hit.text, cached: true, hash };
  const uploaded = await uploadForExtraction(new Blob([bytes as Uint8Array<ArrayBuffer>]), filename, conn);
  let text: string;
  try {
    conn.signal?.throwIfAborted(); // stopped during the upload: only clean up
    text = await fileContent(uploaded.id, conn);
  } finally {
    // Even after a failure or a stop: the copy on Kimi's side has done its job.
    await deleteFile(uploaded.id, { ...conn, signal: undefined, timeoutMs: 30_000 }).catch(() => undefined);
  }
  if (NO_TEXT.test(text)) throw new DocumentError('ocr-empty');
  // The text is what the user waits for; a cache that is full only means a later question uploads again.
  await writeCache(() => putCachedText(hash, { text, filename }));
  return { text, cached: false, hash };
}
