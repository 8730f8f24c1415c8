import { describe, expect, it, vi } from 'vitest';
import { isPdfByContentType, pdfUrlOf } from '../../../utils/documents/pdf-tab';

describe('pdfUrlOf', () => {
  it.each([
    ['https://x.org/a/paper.PDF', 'https://x.org/a/paper.PDF'],
    ['http://127.0.0.1:8080/p.pdf?dl=1#page=3', 'http://127.0.0.1:8080/p.pdf?dl=1#page=3'],
    ['file:///home/me/book.pdf', 'file:///home/me/book.pdf'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=https%3A%2F%2Fx.org%2Fb.pdf', 'https://x.org/b.pdf'],
  ])('%s is a PDF at %s', (tab, pdf) => {
    expect(pdfUrlOf(tab)).toBe(pdf);
  });

  it.each(['https://x.org/pdf-guide.html', 'ftp://x.org/a.pdf', 'chrome://settings', 'not a url', undefined])('%s is not', (tab) => {
    expect(pdfUrlOf(tab)).toBeNull();
  });
});

describe('isPdfByContentType', () => {
  const reply = (status: number, type: string) => new Response(null, { status, headers: { 'content-type': type } });

  it('believes the HEAD answer', async () => {
    const f = vi.fn(async () => reply(200, 'application/pdf; qs=0.9'));
    expect(await isPdfByContentType('https://x.org/get?id=1', f)).toBe(true);
    expect(f).toHaveBeenCalledTimes(1);
    expect(
      await isPdfByContentType(
        'https://x.org/',
        vi.fn(async () => reply(200, 'text/html')),
      ),
    ).toBe(false);
  });

  it('falls back to GET headers when HEAD is refused, and never asks for non-web URLs', async () => {
    const f = vi.fn(async (_u: string, init?: RequestInit) => (init?.method === 'HEAD' ? reply(405, '') : reply(200, 'application/x-pdf')));
    expect(await isPdfByContentType('https://x.org/doc', f as typeof fetch)).toBe(true);
    expect(f.mock.calls.map((c) => c[1]?.method)).toEqual(['HEAD', 'GET']);
    const never = vi.fn();
    expect(await isPdfByContentType('file:///a', never as unknown as typeof fetch)).toBe(false);
    expect(never).not.toHaveBeenCalled();
  });

  it('says no when the network fails', async () => {
    expect(
      await isPdfByContentType(
        'https://x.org/doc',
        vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      ),
    ).toBe(false);
  });
});
