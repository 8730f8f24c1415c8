import { describe, expect, it, vi } from 'vitest';
import { fetchPdfBytes } from '../../../utils/documents/fetch-pdf';
import { DocumentError } from '../../../utils/documents/types';
import { textPdf } from './make-pdf';

const ok = (body: BodyInit | null, headers: Record<string, string> = {}, status = 200) => vi.fn(async () => new Response(body, { status, headers }));
const reasonOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return (err as DocumentError).failure;
};

describe('fetchPdfBytes', () => {
  it('returns the bytes with progress, sending the user cookies', async () => {
    const pdf = textPdf(1);
    const f = ok(pdf as Uint8Array<ArrayBuffer>, { 'content-length': String(pdf.length) });
    const progress: [number, number | null][] = [];
    const bytes = await fetchPdfBytes('https://x.org/a.pdf', { fetchImpl: f, onProgress: (r, t) => progress.push([r, t]) });
    expect(bytes).toEqual(pdf);
    expect((f.mock.calls[0] as unknown as [string, RequestInit])[1].credentials).toBe('include');
    expect(progress.at(-1)).toEqual([pdf.length, pdf.length]);
  });

  it.each([
    ['an HTTP error', ok('no', {}, 404), 'fetch-status', ['404']],
    ['an HTML page', ok('<html></html>', { 'content-type': 'text/html' }), 'not-pdf', undefined],
    ['an empty body', ok(''), 'empty-file', undefined],
    ['a declared size over the limit', ok('%PDF-', { 'content-length': String(200 * 1024 * 1024) }), 'too-large', undefined],
  ])('reports %s', async (_what, f, reason, subs) => {
    const failure = await reasonOf(fetchPdfBytes('https://x.org/a.pdf', { fetchImpl: f }));
    expect(failure.reason).toBe(reason);
    if (subs) expect(failure.subs).toEqual(subs);
  });

  it('stops reading past the limit even when no size was declared', async () => {
    const f = ok(new Uint8Array(5000).fill(37) as Uint8Array<ArrayBuffer>);
    expect((await reasonOf(fetchPdfBytes('https://x.org/a.pdf', { fetchImpl: f, maxBytes: 1000 }))).reason).toBe('too-large');
  });

  it('tells a refused web fetch (no host permission) from a refused file:// fetch (file access off)', async () => {
    const refuse = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect((await reasonOf(fetchPdfBytes('https://x.org/a.pdf', { fetchImpl: refuse }))).reason).toBe('fetch-permission');
    expect((await reasonOf(fetchPdfBytes('file:///tmp/a.pdf', { fetchImpl: refuse }))).reason).toBe('file-access');
    expect((await reasonOf(fetchPdfBytes('ftp://x.org/a.pdf', { fetchImpl: refuse }))).reason).toBe('unsupported-url');
    expect(refuse).toHaveBeenCalledTimes(2);
  });

  it('passes the caller’s stop on as an abort, not as a document failure', async () => {
    const ctrl = new AbortController();
    const f = vi.fn(
      (_u: string, init?: RequestInit) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const p = fetchPdfBytes('https://x.org/a.pdf', { fetchImpl: f as typeof fetch, signal: ctrl.signal });
    ctrl.abort(new DOMException('stopped', 'AbortError'));
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeInstanceOf(DocumentError);
    expect((err as DOMException).name).toBe('AbortError');
  });
});
