import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractTab } from '../../../utils/background/extract-tab';

const tabAt = (url: string) => vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url } as never);
const injection = () => vi.spyOn(fakeBrowser.scripting, 'executeScript');
/** The server's answer to "what is this?" (HEAD), recorded. */
function server(type: string) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 200, headers: { 'content-type': type } }));
  vi.spyOn(globalThis, 'fetch').mockImplementation(fetchMock as typeof fetch); // restored after each test (restoreMocks)
  return fetchMock;
}

describe('extractTab on PDF tabs', () => {
  it('hands a ".pdf" tab to the panel without injecting or asking the server', async () => {
    tabAt('https://example.com/papers/a.pdf');
    const inject = injection();
    const fetchMock = server('text/html');
    expect(await extractTab(7)).toEqual({ ok: 'pdf', url: 'https://example.com/papers/a.pdf' });
    expect(inject).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("takes the PDF's address out of Chrome's viewer URL", async () => {
    tabAt('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=https%3A%2F%2Fx.org%2Fb.pdf');
    expect(await extractTab(7)).toEqual({ ok: 'pdf', url: 'https://x.org/b.pdf' });
  });

  it('asks the server only when a page without ".pdf" reads as empty, and believes its content type', async () => {
    tabAt('https://example.com/download?id=3');
    injection().mockResolvedValue([{ frameId: 0, result: { url: 'https://example.com/download?id=3', title: '', text: '', selection: '' } }] as never);
    const fetchMock = server('application/pdf');
    expect(await extractTab(7)).toEqual({ ok: 'pdf', url: 'https://example.com/download?id=3' });
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('HEAD');
  });

  it('keeps "empty" for an empty HTML page', async () => {
    tabAt('https://example.com/blank');
    injection().mockResolvedValue([{ frameId: 0, result: { url: 'https://example.com/blank', title: '', text: '', selection: '' } }] as never);
    server('text/html; charset=utf-8');
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('treats a refused injection on a PDF served without ".pdf" (Firefox\'s viewer) as a PDF', async () => {
    tabAt('https://example.com/view/42');
    injection().mockRejectedValue(new Error('Missing host permission for the tab'));
    server('application/pdf');
    expect(await extractTab(7)).toEqual({ ok: 'pdf', url: 'https://example.com/view/42' });
    server('text/html');
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'no-permission' });
  });
});
