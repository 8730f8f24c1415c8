// A question about the page the panel holds goes at once, without the page's text; the worker checks the tab
// (and takes the text it kept, or asks the panel for it) before Kimi sees anything.
import { describe, expect, it, vi } from 'vitest';
import type { AskRequest, ExtractResult } from '../../../utils/messaging/types';
import type { PageContent } from '../../../utils/sources/types';
import type { BgToPanel } from '../../../utils/messaging/port-protocol';
import { handleAskPort, type AskDeps } from '../../../utils/background/ask-session';
import { forgetSources, keepSource, resolveSource } from '../../../utils/background/tab-sources';
import { openAsk } from '../../../utils/panel/ask-stream';
import { createPortPair, until } from '../helpers/fake-port';
import { chats, connectionTo, workerSimulator } from './ask-harness';

const simulator = workerSimulator(() => forgetSources());

const held: PageContent = {
  url: 'https://news.example/tides',
  title: 'Tides',
  text: 'The keeper logged every spring tide by hand.',
  selection: '',
  reading: 'r-1',
};
const verified = (over: Partial<AskRequest> = {}): AskRequest => ({
  mode: 'ask',
  question: 'What did the keeper log?',
  page: held,
  history: [],
  verify: { tabId: 7, reading: 'r-1' },
  ...over,
});
const sentBody = () => chats(simulator()).at(-1)!.body;
const lastUser = () => (JSON.parse(sentBody()) as { messages: { content: string }[] }).messages.at(-1)!.content;
const same = (selection = '', reading = 'r-1'): ExtractResult => ({ ok: 'same', same: reading, selection });

/** The real panel side (openAsk) and the real worker side (handleAskPort) on one port pair. */
function ask(request: AskRequest, extract: AskDeps['extract']) {
  const { panel, bg } = createPortPair('moonlit-ask');
  handleAskPort(bg as never, { balanceCheck: false, connect: async () => connectionTo(simulator()), extract });
  const seen: BgToPanel[] = [];
  panel.onMessage.addListener((m: unknown) => void seen.push(m as BgToPanel));
  const handlers = { onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn(), onPage: vi.fn(), onStale: vi.fn() };
  openAsk(request, handlers, () => panel as never);
  const settled = () => until(() => handlers.onDone.mock.calls.length + handlers.onFailure.mock.calls.length + handlers.onStale.mock.calls.length > 0, 15_000);
  return { bg, seen, handlers, settled, types: () => seen.map((m) => m.type) };
}

describe('a question about the page the panel holds', () => {
  it("kept text: no page text crosses the port, the shown selection goes in (not the tab's), one request", async () => {
    keepSource(held);
    const extract = vi.fn(async () => same('by hand'));
    const run = ask(verified({ page: { ...held, selection: 'every spring tide' } }), extract);
    await run.settled();
    expect(run.handlers.onDone).toHaveBeenCalled();
    expect(extract).toHaveBeenCalledWith(7, 'r-1');
    const posted = run.bg.received as { type: string; request?: AskRequest }[];
    expect(posted.map((m) => m.type)).toEqual(['panel→bg:check', 'panel→bg:ask']);
    expect(posted[1].request!.page!.text).toBe('');
    expect(chats(simulator())).toHaveLength(1);
    expect(sentBody()).toContain('The keeper logged every spring tide by hand.');
    expect(lastUser()).toContain('<selection>\nevery spring tide');
    expect(lastUser()).not.toContain('<selection>\nby hand');
    expect(run.types()).not.toContain('bg→panel:need-page');
    // The tab's selection goes back to the panel, to be shown for the next question.
    expect(run.handlers.onPage).toHaveBeenCalledWith({ same: true, selection: 'by hand' });
  });

  it('a worker without the text (restarted) asks the panel for it once, then answers', async () => {
    const run = ask(verified(), async () => same());
    await run.settled();
    expect(run.handlers.onDone).toHaveBeenCalled();
    expect(run.types().filter((t) => t === 'bg→panel:need-page')).toHaveLength(1);
    expect((run.bg.received as { type: string }[]).map((m) => m.type)).toEqual(['panel→bg:check', 'panel→bg:ask', 'panel→bg:page-text']);
    expect(sentBody()).toContain('The keeper logged every spring tide by hand.');
  });

  it('the page changed in place: the question goes with the new text, and the panel gets the new page', async () => {
    keepSource(held);
    const now = { ...held, text: 'The keeper logged every spring tide by hand. A new paragraph about the gales.', reading: 'r-2' };
    const run = ask(verified(), async () => ({ ok: true, page: now }));
    await run.settled();
    expect(sentBody()).toContain('A new paragraph about the gales');
    expect(run.handlers.onPage).toHaveBeenCalledWith({ same: false, page: now });
  });

  it.each<[string, ExtractResult]>([
    ['another address', { ok: true, page: { ...held, url: 'https://news.example/other', reading: 'r-9' } }],
    ['a PDF now', { ok: 'pdf', url: 'https://news.example/a.pdf' }],
    ['the tab is gone', { ok: false, reason: 'no-tab' }],
    ['another reading (a second panel)', same('', 'r-5')],
  ])('%s: stale, and nothing reaches Kimi', async (_, result) => {
    keepSource(held);
    const run = ask(verified(), async () => result);
    await run.settled();
    expect(run.handlers.onStale).toHaveBeenCalled();
    expect(run.types()).toEqual(['bg→panel:stale']);
    expect(chats(simulator())).toHaveLength(0);
  });

  it('the tab is read as soon as the check arrives, before the question', async () => {
    const { panel, bg } = createPortPair('moonlit-ask');
    const extract = vi.fn(async () => same());
    handleAskPort(bg as never, { balanceCheck: false, connect: async () => connectionTo(simulator()), extract });
    panel.postMessage({ type: 'panel→bg:check', verify: verified().verify });
    await until(() => extract.mock.calls.length === 1);
    expect(chats(simulator())).toHaveLength(0);
  });

  it('a check for another reading is not used: the question reads the tab itself', async () => {
    keepSource(held);
    const { panel, bg } = createPortPair('moonlit-ask');
    const extract = vi.fn(async (_tab: number, known: string) => same('', known));
    handleAskPort(bg as never, { balanceCheck: false, connect: async () => connectionTo(simulator()), extract });
    panel.postMessage({ type: 'panel→bg:check', verify: { tabId: 7, reading: 'r-0' } });
    panel.postMessage({ type: 'panel→bg:ask', request: verified() });
    await until(() => panel.received.some((m) => (m as BgToPanel).type === 'bg→panel:done'));
    expect(extract.mock.calls.map((c) => c[1])).toEqual(['r-0', 'r-1']);
  });

  it('a question with the whole page keeps it, so the next one needs no text', async () => {
    const { panel, bg } = createPortPair('moonlit-ask');
    handleAskPort(bg as never, { balanceCheck: false, connect: async () => connectionTo(simulator()) });
    panel.postMessage({ type: 'panel→bg:ask', request: { ...verified(), verify: undefined } });
    await until(() => panel.received.some((m) => (m as BgToPanel).type === 'bg→panel:done'));
    const run = ask(verified(), async () => same());
    await run.settled();
    expect(run.types()).not.toContain('bg→panel:need-page');
    expect(chats(simulator())).toHaveLength(2);
  });
});

describe('resolveSource', () => {
  const text = async () => held.text;
  const withCtx = (selection: string): ExtractResult => ({ ...same(selection), ...(selection ? { selectionContext: 'ctx' } : {}) });
  it("the selection the panel showed goes, exactly; the tab's at the click never replaces it", async () => {
    const shown = verified({ page: { ...held, text: '', selection: 'shown selection', selectionContext: 'shown ctx' } });
    const a = await resolveSource(shown, Promise.resolve(withCtx('')), text);
    expect(a !== 'stale' && a.request.page).toMatchObject({ selection: 'shown selection', selectionContext: 'shown ctx', text: held.text });
    const b = await resolveSource(shown, Promise.resolve(withCtx('selected by the page on blur')), text);
    expect(b !== 'stale' && b.request.page).toMatchObject({ selection: 'shown selection', selectionContext: 'shown ctx' });
    expect(b !== 'stale' && b.request.verify).toBeUndefined();
    expect(b !== 'stale' && b.check).toEqual({ same: true, selection: 'selected by the page on blur', selectionContext: 'ctx' });
    // The page's text changed: its new text goes, with the shown selection still.
    const c = await resolveSource(shown, Promise.resolve({ ok: true, page: { ...held, text: 'new', selection: 'other', selectionContext: 'o' } }), text);
    expect(c !== 'stale' && c.request.page).toMatchObject({ text: 'new', selection: 'shown selection', selectionContext: 'shown ctx' });
  });

  it('none shown (dropped or never selected) goes as none, whatever the tab has', async () => {
    const a = await resolveSource(verified(), Promise.resolve(withCtx('tab selection')), text);
    expect(a !== 'stale' && a.request.page).toMatchObject({ selection: '' });
    expect(a !== 'stale' && a.request.page?.selectionContext).toBeUndefined();
  });

  it('"Summarize this page" never takes the selection, unchanged or changed page', async () => {
    const req = verified({ mode: 'summarize', question: '' });
    const a = await resolveSource(req, Promise.resolve(withCtx('tab selection')), text);
    expect(a !== 'stale' && a.request.page?.selection).toBe('');
    const b = await resolveSource(req, Promise.resolve({ ok: true, page: { ...held, text: 'new', selection: 'picked' } }), text);
    expect(b !== 'stale' && b.request.page).toMatchObject({ text: 'new', selection: '' });
    expect(b !== 'stale' && b.check).toMatchObject({ same: false, page: { selection: 'picked' } });
  });

  it('no reading, no page, or no text to be had (the panel went away) is stale', async () => {
    expect(await resolveSource(verified(), Promise.resolve(undefined), text)).toBe('stale');
    expect(await resolveSource({ ...verified(), page: undefined }, Promise.resolve(same()), text)).toBe('stale');
    expect(await resolveSource(verified(), Promise.resolve(same()), async () => undefined)).toBe('stale');
  });
});
