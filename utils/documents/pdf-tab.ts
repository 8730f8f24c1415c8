/**
 * Whether a tab shows a PDF. Chrome's viewer and Firefox's pdf.js viewer both
 * keep the PDF's own URL as the tab URL; Firefox's content scripts cannot run
 * there, so the extension fetches the bytes itself.
 */
export function pdfUrlOf(tabUrl: string | undefined): string | null {
  if (!tabUrl) return null;
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return null;
  }
  // Chrome's viewer extension page carries the real URL in ?src= (older versions showed it).
  if (url.protocol === 'chrome-extension:' && url.hostname === 'mhjfbmdgcfjbbpaeojofohoefgiehjai') {
    return pdfUrlOf(url.searchParams.get('src') ?? undefined);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return null;
  return /\.pdf$/i.test(url.pathname) ? url.href : null;
}

/** For URLs without ".pdf": ask the server. HEAD first, GET headers if HEAD is refused. */
export async function isPdfByContentType(url: string, fetchImpl: typeof fetch = fetch, signal?: AbortSignal): Promise<boolean> {
  if (!/^https?:/i.test(url)) return false;
  for (const method of ['HEAD', 'GET']) {
    const ctrl = new AbortController();
    const stop = () => ctrl.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(stop, 10_000);
    try {
      const res = await fetchImpl(url, { method, credentials: 'include', signal: ctrl.signal });
      const type = res.headers.get('content-type') ?? '';
      if (res.ok || method === 'GET') return /^application\/(x-)?pdf\b/i.test(type);
    } catch {
      if (method === 'GET') return false;
    } finally {
      ctrl.abort(); // GET: only the headers were wanted
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
  }
  return false;
}
