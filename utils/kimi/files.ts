// The Files API (kimi-api.md §7): upload for text extraction, read the extracted text, delete.
import { KimiError, failureFromResponse } from './errors';
import { RequestGuard } from './request-guard';

export interface FilesConnection {
  base: string;
  apiKey: string;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /** Extraction of a big scanned PDF can take minutes. */
  timeoutMs?: number;
}

export interface UploadedFile {
  id: string;
  bytes?: number;
  filename?: string;
  status?: string;
}

const DEFAULT_TIMEOUT = 180_000;

/**
 * `keepBody`: once the response has started, read it even if the caller stops,
 * so an upload that reached Kimi is known by id and can be deleted.
 */
async function call(conn: FilesConnection, path: string, init: RequestInit, keepBody = false): Promise<{ res: Response; text: string }> {
  const fetchImpl = conn.fetchImpl ?? ((input, i) => fetch(input, i));
  const timeout = conn.timeoutMs ?? DEFAULT_TIMEOUT;
  const guard = new RequestGuard(keepBody ? undefined : conn.signal, timeout, timeout);
  const stopBeforeHeaders = () => guard.dispose();
  if (keepBody) {
    conn.signal?.throwIfAborted();
    conn.signal?.addEventListener('abort', stopBeforeHeaders, { once: true });
  }
  try {
    const headers = { Authorization: `Bearer ${conn.apiKey}`, ...(init.headers as Record<string, string> | undefined) };
    const res = await guard.race(fetchImpl(`${conn.base}${path}`, { ...init, headers, signal: guard.signal }));
    conn.signal?.removeEventListener('abort', stopBeforeHeaders);
    const text = await guard.race(res.text());
    if (!res.ok) throw new KimiError(failureFromResponse(res, text));
    return { res, text };
  } catch (err) {
    if (keepBody && conn.signal?.aborted) throw conn.signal.reason;
    throw guard.translate(err);
  } finally {
    conn.signal?.removeEventListener('abort', stopBeforeHeaders);
    guard.dispose();
  }
}

/** POST /v1/files with purpose file-extract. FormData sets the multipart boundary itself. Throws KimiError. */
export async function uploadForExtraction(file: Blob, filename: string, conn: FilesConnection): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, filename);
  form.append('purpose', 'file-extract');
  const { res, text } = await call(conn, '/files', { method: 'POST', body: form, headers: { Accept: 'application/json' } }, true);
  let json: Partial<UploadedFile> | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (!json || typeof json.id !== 'string' || !json.id) throw new KimiError({ ...failureFromResponse(res, text), kind: 'not-api' });
  return { id: json.id, bytes: json.bytes, filename: json.filename, status: json.status };
}

/**
 * The extracted text. Documented as text/plain, but the body is a JSON string
 * `{"content": …, "file_type", "filename", …}`: take `.content`; anything else is used as it is.
 */
export function parseFileContent(body: string): string {
  try {
    const json = JSON.parse(body) as { content?: unknown } | null;
    if (json && typeof json === 'object' && typeof json.content === 'string') return json.content;
  } catch {
    // Not JSON: a plain-text body.
  }
  return body;
}

/** GET /v1/files/{id}/content. Throws KimiError. */
export async function fileContent(id: string, conn: FilesConnection): Promise<string> {
  const { text } = await call(conn, `/files/${encodeURIComponent(id)}/content`, { method: 'GET' });
  return parseFileContent(text);
}

/** DELETE /v1/files/{id}: uploaded files count against a 1,000-file cap and hold the user's document. Throws KimiError. */
export async function deleteFile(id: string, conn: FilesConnection): Promise<void> {
  await call(conn, `/files/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Accept: 'application/json' } });
}
