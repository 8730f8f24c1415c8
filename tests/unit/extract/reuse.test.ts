// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extractWhenSettled } from '@/utils/extract';
import { readPageReusing } from '@/utils/extract/reuse';
import type { PageContent } from '@/utils/sources/types';
import type { SameReading } from '@/utils/messaging/types';

const PARA = 'The harbour keeper wrote down every spring tide by hand, with the height in metres and the time. ';

function article(extra = '') {
  document.head.innerHTML = '<title>Tides</title>';
  document.body.innerHTML = `<article><h1>Tides</h1>${`<p>${PARA.repeat(3)}</p>`.repeat(6)}${extra}</article>`;
  window.getSelection()?.removeAllRanges();
}

function select(el: Element) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

let store: Record<string, unknown>;
/** What reading the page whole gives now (the reference for a reading made block by block). */
const fullText = async () => (await extractWhenSettled(document, window, { quietMs: 5, maxMs: 50 })).text;
const spy = vi.fn(extractWhenSettled);
const read = async () => (await readPageReusing(document, window, { quietMs: 5, maxMs: 50 }, spy, store)) as PageContent;
const readKnowing = (known: string) => readPageReusing(document, window, { quietMs: 5, maxMs: 50 }, spy, store, known);

beforeEach(() => {
  store = {};
  spy.mockClear();
  history.replaceState(null, '', '/article');
  article();
});

describe('readPageReusing', () => {
  it('answers "the same" with only the selection when the caller holds the current reading', async () => {
    const first = await read();
    expect(first.reading).toMatch(/\S/);
    select(document.querySelector('h1')!);
    expect(await readKnowing(first.reading!)).toEqual({ same: first.reading!, selection: 'Tides', selectionContext: expect.any(String) } satisfies SameReading);
    // Another (or no) reading named: the whole page, as usual.
    expect(((await readKnowing('someone-else')) as PageContent).text).toContain('spring tide');
    // Once the page changed, the old reading is never called "the same".
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>A new paragraph about the lighthouse and its keeper.</p>');
    const after = (await readKnowing(first.reading!)) as PageContent;
    expect(after.text).toContain('lighthouse');
    expect(after.reading).not.toBe(first.reading);
    // Read block by block (only the new paragraph), to the text a full read gives.
    expect(spy).toHaveBeenCalledTimes(1);
    expect(after.text).toBe(await fullText());
  });

  it('reads an unchanged page once and returns the same content again', async () => {
    const first = await read();
    const second = await read();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(second.text).toContain('spring tide');
  });

  it('reads again after text is added, and the new text is in the result', async () => {
    await read();
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>A storm in 1911 broke the harbour wall and flooded the lower town.</p>');
    const next = await read();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(next.text).toContain('storm in 1911');
    expect(next.text).toBe(await fullText());
  });

  it('reads again after a text node or an attribute changes', async () => {
    await read();
    document.querySelector('h1')!.firstChild!.textContent = 'Tides and storms';
    await read();
    expect(spy).toHaveBeenCalledTimes(2);
    document.querySelector('p')!.setAttribute('hidden', '');
    await read();
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('reads the selection afresh every time without reading the page again', async () => {
    await read();
    select(document.querySelector('h1')!);
    const withSelection = await read();
    expect(withSelection.selection).toBe('Tides');
    window.getSelection()!.removeAllRanges();
    const without = await read();
    expect(without.selection).toBe('');
    expect(without.selectionContext).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('does not keep the selection of the reading that filled it', async () => {
    select(document.querySelector('h1')!);
    expect((await read()).selection).toBe('Tides');
    window.getSelection()!.removeAllRanges();
    expect((await read()).selection).toBe('');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('reads again when the URL changed without a DOM change', async () => {
    await read();
    history.pushState(null, '', '/article?page=2');
    const next = await read();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(next.url).toContain('page=2');
  });

  it('never reuses a reading while the page has an open shadow root', async () => {
    await read();
    document.querySelector('p')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside the shadow</p>';
    await read();
    await read();
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('does not keep what a site adapter read, nor a thin page', async () => {
    const adapter = vi.fn(async () => ({ ...(await extractWhenSettled(document, window)), source: 'site:test' }));
    await readPageReusing(document, window, undefined, adapter, store);
    await readPageReusing(document, window, undefined, adapter, store);
    expect(adapter).toHaveBeenCalledTimes(2);
    document.body.innerHTML = '<p>Short.</p>';
    await read();
    await read();
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not keep a reading during which the page changed', async () => {
    const changing = vi.fn(async (doc: Document, win: Window) => {
      const page = await extractWhenSettled(doc, win);
      doc.body.append(doc.createElement('hr'));
      return page;
    });
    await readPageReusing(document, window, undefined, changing, store);
    await readPageReusing(document, window, undefined, changing, store);
    expect(changing).toHaveBeenCalledTimes(2);
  });
});

describe('a live page: only the main text counts', () => {
  function livePage() {
    article();
    document.body.insertAdjacentHTML('afterbegin', '<header><nav><a href="/">Home</a></nav><span id="clock">10:00</span></header>');
    document.body.insertAdjacentHTML('beforeend', '<aside id="ads"><p>Buy a boat.</p></aside><footer>Harbour Gazette</footer>');
  }

  it('changes outside the main text (a clock, ads, an attribute) do not make the page read again', async () => {
    livePage();
    const first = await read();
    document.getElementById('clock')!.textContent = '10:01';
    document.getElementById('ads')!.insertAdjacentHTML('beforeend', '<p>Sell a boat.</p>');
    document.querySelector('header')!.setAttribute('data-scrolled', 'yes');
    select(document.querySelector('h1')!);
    expect(await readKnowing(first.reading!)).toMatchObject({ same: first.reading, selection: 'Tides' });
    expect(spy).toHaveBeenCalledTimes(1);
    // A change in the main text itself: read again, with the new text.
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>The tide gauge was moved to the north pier in 1920.</p>');
    const next = (await read()) as PageContent;
    expect(next.text).toContain('north pier');
    expect(next.text).toBe(await fullText());
  });

  it('the main text taken out of the page: read again', async () => {
    livePage();
    await read();
    const old = document.querySelector('article')!;
    old.remove();
    document.body.insertAdjacentHTML('beforeend', `<article><h1>Storms</h1>${`<p>${PARA.repeat(3)} Storm.</p>`.repeat(6)}</article>`);
    const next = await read();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(next.text).toContain('Storm.');
  });
});
