import type { OcrRequest, OcrResult } from '../messaging/protocol';
import { extractViaKimi } from '../documents/ocr';
import { DocumentError } from '../documents/types';
import { KimiError, failureFromException } from '../kimi/errors';
import { resolveConnection } from './connection';
import { takeOver } from '../documents/transfer';
import { holdAwake } from './heartbeat';

/**
 * Text of a document the panel handed over, by Kimi's file-extract. Runs in
 * the worker because it needs the key. The panel only sends this after the
 * user agreed to the upload; a cached text (same bytes) uploads nothing.
 */
export async function ocrDocument(req: OcrRequest): Promise<OcrResult> {
  const bytes = await takeOver(req.transferId).catch(() => null);
  if (!bytes) return { ok: false, failure: { reason: 'upload-failed', detail: 'The document was not handed over.' } };
  const conn = await resolveConnection();
  if ('kind' in conn) return { ok: false, failure: { reason: 'upload-failed' }, kimiFailure: conn };
  // Extraction of a long scan can take minutes; a pending fetch alone does not keep an MV3 worker alive.
  const release = holdAwake();
  try {
    const { text, cached } = await extractViaKimi(bytes, req.name, { base: conn.base, apiKey: conn.apiKey });
    return { ok: true, text, cached };
  } catch (err) {
    if (err instanceof DocumentError) return { ok: false, failure: err.failure };
    const kimiFailure = err instanceof KimiError ? err.failure : failureFromException(err);
    return { ok: false, failure: { reason: 'upload-failed', detail: kimiFailure.message }, kimiFailure };
  } finally {
    release();
  }
}
