import { looksLikePdf } from './sniff';
import { DocumentError, MAX_FILE_BYTES } from './types';

export interface FetchPdfOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  onProgress?: (received: number, total: number | null) => void;
  maxBytes?: number;
  /** No byte for this long ends the download. */
  idleMs?: number;
}

/**
 * The bytes of the PDF a tab shows, fetched by the extension itself (with the
 * user's cookies) so it works in both browsers' viewers and for file:// when
 * the user allowed file access. Throws DocumentError with a reason for each failure.
 */
export async function fetchPdfBytes(url: string, opts: FetchPdfOptions = {}): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DocumentError('unsupported-url', url);
  }
  const isFile = parsed.protocol === 'file:';
  if (!isFile && parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DocumentError('unsupported-url', parsed.protocol);
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  const idleMs = opts.idleMs ?? 30_000;
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let timer = setTimeout(() => ctrl.abort(), idleMs);
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctrl.abort(), idleMs);
  };
  try {
    let res: Response;
    try {
      res = await (opts.fetchImpl ?? fetch)(parsed.href, { credentials: 'include', signal: ctrl.signal });
    } catch (err) {
      opts.signal?.throwIfAborted();
      // A refused fetch of a file:// URL means file access is off; of http(s), usually a missing host permission (CORS).
      if (isFile) throw new DocumentError('file-access', String(err));
      throw new DocumentError(ctrl.signal.aborted ? 'fetch-failed' : 'fetch-permission', String(err));
    }
    if (!res.ok && !(isFile && res.status === 0)) throw new DocumentError('fetch-status', `HTTP ${res.status}`, [String(res.status)]);
    const declared = Number(res.headers.get('content-length')) || null;
    if (declared && declared > max) throw new DocumentError('too-large', `${declared} bytes`);
    const bytes = await readCapped(res, max, declared, poke, opts.onProgress);
    if (!bytes.length) throw new DocumentError('empty-file');
    if (!looksLikePdf(bytes)) throw new DocumentError('not-pdf', res.headers.get('content-type') ?? '');
    return bytes;
  } catch (err) {
    opts.signal?.throwIfAborted();
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('fetch-failed', String(err));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

async function readCapped(
  res: Response,
  max: number,
  declared: number | null,
  poke: () => void,
  onProgress?: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    poke();
    received += value.length;
    if (received > max) {
      await reader.cancel().catch(() => undefined);
      throw new DocumentError('too-large', `over ${max} bytes`);
    }
    chunks.push(value);
    onProgress?.(received, declared);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
