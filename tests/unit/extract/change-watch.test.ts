// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { watchForChange } from '@/utils/extract/change-watch';
import { readPageReusing } from '@/utils/extract/reuse';
import { extractWhenSettled } from '@/utils/extract';
import { tellPageChanged } from '@/utils/extract/tell-page-changed';
import type { PageContent } from '@/utils/sources/types';

const PARA = 'The harbour keeper wrote down every spring tide by hand, with the height in metres and the time. ';
const tick = () => new Promise((r) => setTimeout(r, 0));

function select(el: Element) {
  const range = document.createRange();
  range.selectNodeContents(el);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

let store: Record<string, unknown>;
beforeEach(() => {
  store = {};
  document.body.innerHTML = `<article><h1>Tides</h1>${`<p>${PARA.repeat(3)}</p>`.repeat(6)}</article>`;
  getSelection()?.removeAllRanges();
});

describe('watchForChange', () => {
  const changes: [string, () => void][] = [
    ['the selection', () => select(document.querySelector('h1')!)],
    ['the DOM', () => document.body.append(document.createElement('p'))],
    ['the text', () => (document.querySelector('h1')!.firstChild!.textContent = 'Ebb')],
    ['an attribute', () => document.querySelector('h1')!.setAttribute('class', 'x')],
    ['the hash', () => window.dispatchEvent(new Event('hashchange'))],
    ['history', () => window.dispatchEvent(new Event('popstate'))],
    ['the document going away', () => window.dispatchEvent(new Event('pagehide'))],
  ];
  for (const [what, change] of changes) {
    it(`tells once when ${what} changes, then stops watching`, async () => {
      const told = vi.fn();
      watchForChange(document, document, window, told, store);
      await tick();
      expect(told).not.toHaveBeenCalled();
      change();
      await tick();
      expect(told).toHaveBeenCalledTimes(1);
      // Only a selection change says so: the panel reads the page then, to show the new selection.
      expect(told).toHaveBeenCalledWith(what === 'the selection' ? 'selection' : 'page');
      document.body.append(document.createElement('div'));
      select(document.querySelector('p')!);
      await tick();
      expect(told).toHaveBeenCalledTimes(1);
    });
  }

  it('one watch at a time: arming again while armed adds no second message', async () => {
    const told = vi.fn();
    watchForChange(document, document, window, told, store);
    watchForChange(document, document, window, told, store);
    document.body.append(document.createElement('p'));
    await tick();
    expect(told).toHaveBeenCalledTimes(1);
    // Fired: the next arm watches again.
    watchForChange(document, document, window, told, store);
    document.body.append(document.createElement('p'));
    await tick();
    expect(told).toHaveBeenCalledTimes(2);
  });
});

describe('readPageReusing arms the watch for every reading it keeps', () => {
  const read = (known?: string, told?: () => void) => readPageReusing(document, window, { quietMs: 5, maxMs: 50 }, undefined, store, known, told);

  it('a fresh reading arms the watch too (the panel learns the next selection), and so does "the same" answer', async () => {
    const told = vi.fn();
    const first = (await read(undefined, told)) as PageContent;
    select(document.querySelector('h1')!);
    await tick();
    expect(told).toHaveBeenCalledTimes(1);
    expect(told).toHaveBeenCalledWith('selection');
    expect(await read(first.reading, told)).toMatchObject({ same: first.reading, selection: 'Tides' });
    await tick();
    expect(told).toHaveBeenCalledTimes(1);
    select(document.querySelector('p')!);
    await tick();
    expect(told).toHaveBeenCalledTimes(2);
  });
});

describe('tellPageChanged', () => {
  it('sends the one message through the first namespace that can, and swallows a refusal', async () => {
    const sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    tellPageChanged('page', { browser: {} as never, chrome: { runtime: { sendMessage } } });
    expect(sendMessage).toHaveBeenCalledWith({ name: 'page→bg:changed', data: {} });
    await tick();
    expect(() =>
      tellPageChanged('page', {
        chrome: {
          runtime: {
            sendMessage: () => {
              throw new Error('Extension context invalidated.');
            },
          },
        },
      }),
    ).not.toThrow();
    expect(() => tellPageChanged('page', {})).not.toThrow();
    const told = vi.fn();
    tellPageChanged('selection', { chrome: { runtime: { sendMessage: told } } });
    expect(told).toHaveBeenCalledWith({ name: 'page→bg:changed', data: { selection: true } });
  });
});

describe('watching the main text only', () => {
  it('a change outside the watched element is not told; one inside is', async () => {
    document.body.innerHTML = '<header><span id="clock">10:00</span></header><article><p>Text</p></article>';
    const told = vi.fn();
    watchForChange(document.querySelector('article')!, document, window, told, store);
    document.getElementById('clock')!.textContent = '10:01';
    document.querySelector('header')!.append(document.createElement('b'));
    await tick();
    expect(told).not.toHaveBeenCalled();
    document.querySelector('article p')!.textContent = 'Text, edited';
    await tick();
    expect(told).toHaveBeenCalledTimes(1);
  });
});

describe('after a change is told, the page is read ahead once', () => {
  // Fresh doubles per test: a watch left by the test before may still fire when the page is reset.
  let extract = vi.fn(extractWhenSettled);
  let told = vi.fn();
  const read = (known?: string) => readPageReusing(document, window, { quietMs: 5, maxMs: 50 }, extract, store, known, told);
  // With a class: a block only a full read can follow (a plain one is read block by block, below).
  const add = (text: string, attrs = ' class="entry"') =>
    document.querySelector('article')!.insertAdjacentHTML('beforeend', `<p${attrs}>${text.repeat(3)}</p>`);
  /** The text of the reading the page reader keeps in its store. */
  const kept = () => (Object.values(store).find((v) => (v as { page?: PageContent } | null)?.page) as { page: PageContent } | undefined)?.page.text;
  beforeEach(() => {
    extract = vi.fn(extractWhenSettled);
    told = vi.fn();
  });

  it('the next question finds the new reading ready', async () => {
    const first = (await read()) as PageContent;
    expect(await read(first.reading)).toMatchObject({ same: first.reading });
    add('The gauge moved to the north pier. ');
    await vi.waitFor(() => expect(extract).toHaveBeenCalledTimes(2)); // read ahead, with nobody asking
    expect(told).toHaveBeenCalledTimes(1);
    const next = (await read(first.reading)) as PageContent;
    expect(extract).toHaveBeenCalledTimes(2); // the question took the reading made ahead
    expect(next.text).toContain('north pier');
    expect(next.reading).not.toBe(first.reading);
  });

  it('once: further changes are neither told nor read until the worker checks again', async () => {
    const first = (await read()) as PageContent;
    await read(first.reading);
    add('The gauge moved to the north pier. ');
    await vi.waitFor(() => expect(extract).toHaveBeenCalledTimes(2));
    add('A second gauge went to the south pier. ');
    await tick();
    await tick();
    expect(told).toHaveBeenCalledTimes(1);
    expect(extract).toHaveBeenCalledTimes(2);
    expect(((await read(first.reading)) as PageContent).text).toContain('south pier');
    expect(extract).toHaveBeenCalledTimes(3);
  });

  it('a plain paragraph is read ahead block by block, and the question takes that reading', async () => {
    // Titled as its heading (Readability drops the heading then, rather than making an <h2> of it that is in no block).
    document.title = 'Tides';
    onTestFinished(() => void (document.title = ''));
    const first = (await read()) as PageContent;
    await read(first.reading);
    add('The gauge moved to the north pier. ', '');
    await vi.waitFor(() => expect(kept()).toContain('north pier')); // read ahead, with nobody asking
    expect(told).toHaveBeenCalledTimes(1);
    const next = (await read(first.reading)) as PageContent;
    expect(extract).toHaveBeenCalledTimes(1);
    expect(next.text).toBe(kept());
    expect(next.text).toBe((await extractWhenSettled(document, window, { quietMs: 5, maxMs: 50 })).text);
  });
});
