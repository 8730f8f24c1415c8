import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { citeInTab, documentOf, parseCiteRequest } from '../../../utils/background/cite-tab';
import { handleMessage } from '../../../utils/background/messages';
import { HIGHLIGHT_CSS } from '../../../utils/citations/highlight';
import { callInstalledCite } from '../../../utils/citations/inject-cite';
import type { CiteRequest } from '../../../utils/citations/types';

const PAGE = 'https://example.com/article?id=3';
const REQ: CiteRequest = { tabId: 7, url: PAGE, quote: 'The colony needs eleven kilograms of honey.', at: 0.4 };

function tabAt(url: string | undefined) {
  return vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url } as never);
}

/** A tab whose URL follows tabs.update, as a browser's does; returns the update and reload spies. */
function pdfTab(url: string) {
  let current = url;
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => ({ id: 7, url: current })) as never);
  const update = vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (_id: number, p: { url: string }) => {
    current = p.url;
    return { id: 7, url: current };
  }) as never);
  const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
  return { update, reload };
}

/**
 * The page: `reply` is what the finder answers; until the finder is installed (files ['/cite-highlighter.js'])
 * calling it answers null, as a fresh document does. `installed` starts it as a document that already has it.
 */
function page(reply: unknown, { installed = false } = {}) {
  let has = installed;
  vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined as never);
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (opts: { files?: string[] }) => {
    if (opts.files) has = true;
    return opts.files ? [{ frameId: 0, result: true }] : [{ frameId: 0, result: has ? reply : null }];
  }) as never);
}

describe('parseCiteRequest', () => {
  it('accepts what the panel sends, with or without a page', () => {
    expect(parseCiteRequest(REQ)).toEqual(REQ);
    expect(parseCiteRequest({ ...REQ, page: 3 })).toEqual({ ...REQ, page: 3 });
  });

  it.each([
    ['no data', null],
    ['a string', 'cite'],
    ['a tab id that is not a whole number', { ...REQ, tabId: 1.5 }],
    ['a negative tab id', { ...REQ, tabId: -1 }],
    ['a tab id as text', { ...REQ, tabId: '7' }],
    ['no url', { ...REQ, url: '' }],
    ['a url that is not one', { ...REQ, url: 'not a url' }],
    ['a huge url', { ...REQ, url: `https://x.test/${'a'.repeat(9000)}` }],
    ['an empty quote', { ...REQ, quote: '  ' }],
    ['a quote that is not text', { ...REQ, quote: { toString: (): string => 'x' } }],
    ['a huge quote', { ...REQ, quote: 'a'.repeat(100_001) }],
    ['at out of range', { ...REQ, at: 1.5 }],
    ['at not a number', { ...REQ, at: Number.NaN }],
    ['page zero', { ...REQ, page: 0 }],
    ['a fractional page', { ...REQ, page: 2.5 }],
    ['a page as text', { ...REQ, page: '2' }],
  ])('refuses %s', (_, raw) => {
    expect(parseCiteRequest(raw)).toBeNull();
  });
});

describe('documentOf', () => {
  it('ignores the hash, and names the PDF for a viewer URL', () => {
    expect(documentOf('https://example.com/a#section-2')).toBe('https://example.com/a');
    expect(documentOf('https://example.com/doc.pdf#page=4')).toBe('https://example.com/doc.pdf');
    expect(documentOf('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=https%3A%2F%2Fexample.com%2Fdoc.pdf')).toBe(
      'https://example.com/doc.pdf',
    );
  });
});

describe('citeInTab', () => {
  it('in a fresh document: styles the highlight, installs the finder and calls it with the passage', async () => {
    tabAt(`${PAGE}#comments`);
    const inject = page({ found: true, how: 'highlight', match: 'exact', url: PAGE });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: true, how: 'highlight' });
    const call = { target: { tabId: 7 }, func: callInstalledCite, args: [REQ.quote, REQ.at] };
    expect(fakeBrowser.scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 7 }, css: HIGHLIGHT_CSS });
    expect(inject.mock.calls.map((c) => c[0])).toEqual([call, { target: { tabId: 7 }, files: ['/cite-highlighter.js'] }, call]);
  });

  it('in a document that already has the finder: one call, and the style sheet is not added again', async () => {
    tabAt(PAGE);
    const inject = page({ found: true, how: 'highlight', match: 'exact', url: PAGE }, { installed: true });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: true, how: 'highlight' });
    expect(inject).not.toHaveBeenCalledWith(expect.objectContaining({ files: ['/cite-highlighter.js'] }));
    expect(fakeBrowser.scripting.insertCSS).not.toHaveBeenCalled();
  });

  it('reports the overlay when the page has no Highlight API', async () => {
    tabAt(PAGE);
    page({ found: true, how: 'overlay', match: 'ends', url: PAGE });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: true, how: 'overlay' });
  });

  it('says "gone" when the page no longer has the passage', async () => {
    tabAt(PAGE);
    page({ found: false, url: PAGE });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'gone' });
  });

  it('says "moved" when the tab shows another page, without touching it', async () => {
    tabAt('https://example.com/other');
    const inject = page({ found: true, how: 'highlight', url: PAGE });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'moved' });
    expect(inject).not.toHaveBeenCalled();
  });

  it('says "moved" when the tab is closed, or navigated while the finder was being injected', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 7.'));
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'moved' });
    vi.restoreAllMocks();
    tabAt(PAGE);
    // The finder installed, then the document was swapped before the call: still nothing there.
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: null }] as never);
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'moved' });
    page({ found: true, how: 'highlight', url: 'https://example.com/next' });
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'moved' });
  });

  it('says "blocked" when the browser refuses the script or hides the tab', async () => {
    tabAt(PAGE);
    page(null);
    vi.mocked(fakeBrowser.scripting.executeScript).mockRejectedValue(
      new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
    );
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'blocked' });
    // A fresh document where styling the highlight is refused.
    const inject = page({ found: true, how: 'highlight', url: PAGE });
    vi.mocked(fakeBrowser.scripting.insertCSS).mockRejectedValue(new Error('Missing host permission for the tab'));
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'blocked' });
    expect(inject).not.toHaveBeenCalledWith(expect.objectContaining({ files: ['/cite-highlighter.js'] }));
    // No URL at all: activeTab has lapsed.
    tabAt(undefined);
    await expect(citeInTab(REQ)).resolves.toEqual({ ok: false, reason: 'blocked' });
  });

  it('says "blocked" on a page no extension may script, without trying', async () => {
    tabAt('https://chromewebstore.google.com/detail/x');
    const inject = page({ found: true, how: 'highlight', url: 'https://chromewebstore.google.com/detail/x' });
    await expect(citeInTab({ ...REQ, url: 'https://chromewebstore.google.com/detail/x' })).resolves.toEqual({ ok: false, reason: 'blocked' });
    expect(inject).not.toHaveBeenCalled();
  });

  it('opens a PDF at the cited page instead of injecting anything; Chrome’s viewer needs a reload to follow it', async () => {
    const pdf = 'http://127.0.0.1:8080/ledger.pdf';
    const { update, reload } = pdfTab(`${pdf}#page=1`);
    const inject = page(null);
    await expect(citeInTab({ ...REQ, url: pdf, page: 4 }, { firefox: false })).resolves.toEqual({ ok: true, how: 'pdf-page' });
    expect(update).toHaveBeenCalledWith(7, { url: `${pdf}#page=4` });
    expect(reload).toHaveBeenCalledWith(7);
    expect(update.mock.invocationCallOrder[0]).toBeLessThan(reload.mock.invocationCallOrder[0]);
    expect(inject).not.toHaveBeenCalled();
  });

  it('in Firefox only changes the hash (pdf.js follows it), unless the hash is already that page', async () => {
    const pdf = 'http://127.0.0.1:8080/ledger.pdf';
    const { update, reload } = pdfTab(`${pdf}#page=1`);
    await expect(citeInTab({ ...REQ, url: pdf, page: 4 }, { firefox: true })).resolves.toEqual({ ok: true, how: 'pdf-page' });
    expect(update).toHaveBeenCalledWith(7, { url: `${pdf}#page=4` });
    expect(reload).not.toHaveBeenCalled();
    await expect(citeInTab({ ...REQ, url: pdf, page: 4 }, { firefox: true })).resolves.toEqual({ ok: true, how: 'pdf-page' });
    expect(reload).toHaveBeenCalledWith(7);
  });

  it('opens Chrome’s viewer by the PDF’s own URL, and a PDF without a page number at its first page', async () => {
    const pdf = 'https://example.com/files/report.pdf';
    const { update } = pdfTab(`chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=${encodeURIComponent(pdf)}`);
    await expect(citeInTab({ ...REQ, url: pdf }, { firefox: false })).resolves.toEqual({ ok: true, how: 'pdf-page' });
    expect(update).toHaveBeenCalledWith(7, { url: `${pdf}#page=1` });
  });

  it('a PDF tab the browser will not update is "moved" when closed, else "blocked"', async () => {
    const pdf = 'https://example.com/files/report.pdf';
    tabAt(pdf);
    vi.spyOn(fakeBrowser.tabs, 'update').mockRejectedValue(new Error('No tab with id: 7.'));
    await expect(citeInTab({ ...REQ, url: pdf, page: 2 })).resolves.toEqual({ ok: false, reason: 'moved' });
    vi.spyOn(fakeBrowser.tabs, 'update').mockRejectedValue(new Error('Cannot navigate'));
    await expect(citeInTab({ ...REQ, url: pdf, page: 2 })).resolves.toEqual({ ok: false, reason: 'blocked' });
  });

  it('a PDF whose tab has moved on is "moved"', async () => {
    tabAt('https://example.com/elsewhere.pdf');
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    await expect(citeInTab({ ...REQ, url: 'https://example.com/files/report.pdf', page: 2 })).resolves.toEqual({ ok: false, reason: 'moved' });
    expect(update).not.toHaveBeenCalled();
  });
});

describe("the 'panel→bg:cite' message", () => {
  const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };

  it('is answered for Moonlit’s own pages with a valid request', async () => {
    tabAt(PAGE);
    page({ found: true, how: 'highlight', url: PAGE });
    await expect(handleMessage({ name: 'panel→bg:cite', data: REQ }, own)).resolves.toEqual({ ok: true, how: 'highlight' });
  });

  it('gets no answer from a content script or with a malformed request', () => {
    const inject = page({ found: true, how: 'highlight', url: PAGE });
    expect(handleMessage({ name: 'panel→bg:cite', data: REQ }, { id: fakeBrowser.runtime.id, url: PAGE })).toBeUndefined();
    expect(handleMessage({ name: 'panel→bg:cite', data: { ...REQ, at: 'middle' } }, own)).toBeUndefined();
    expect(handleMessage({ name: 'panel→bg:cite' }, own)).toBeUndefined();
    expect(inject).not.toHaveBeenCalled();
  });
});

describe('callInstalledCite', () => {
  it('calls the installed finder, and answers null when there is none', () => {
    const g = globalThis as Record<string, unknown>;
    expect(callInstalledCite('q', 0.5)).toBeNull();
    g.__moonlitCite = (q: string, at: number) => ({ found: q === 'q' && at === 0.5, url: 'x' });
    try {
      expect(callInstalledCite('q', 0.5)).toEqual({ found: true, url: 'x' });
    } finally {
      delete g.__moonlitCite;
    }
  });

  it('stands alone, as executeScript sends only its source', () => {
    // Rebuilt from its text, as the browser does: it must not lean on anything outside its body.
    const rebuilt = new Function(`return (${callInstalledCite.toString()})`)() as typeof callInstalledCite;
    expect(rebuilt('q', 0.5)).toBeNull();
  });

  it('an ordinary page with a page number in the request is highlighted in place: no viewer, no reload', async () => {
    const { update, reload } = pdfTab(PAGE);
    const inject = page({ found: true, how: 'highlight', match: 'exact', url: PAGE });
    const fetchImpl = vi.fn(async () => new Response('', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    await expect(citeInTab({ ...REQ, page: 3 }, { firefox: false, fetchImpl })).resolves.toEqual({ ok: true, how: 'highlight' });
    expect(update).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, func: callInstalledCite, args: [REQ.quote, REQ.at] });
  });

  it('a PDF served at a URL without ".pdf" still opens at its page (the server says it is a PDF)', async () => {
    const url = 'https://example.com/download?id=9';
    const { update } = pdfTab(url);
    const inject = page(null);
    const fetchImpl = vi.fn(async () => new Response('', { headers: { 'content-type': 'application/pdf' } }));
    await expect(citeInTab({ ...REQ, url, page: 5 }, { firefox: true, fetchImpl })).resolves.toEqual({ ok: true, how: 'pdf-page' });
    expect(update).toHaveBeenCalledWith(7, { url: `${url}#page=5` });
    expect(inject).not.toHaveBeenCalled();
  });
});
