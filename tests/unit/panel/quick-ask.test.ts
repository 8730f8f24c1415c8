import { describe, expect, it, vi } from 'vitest';
import { dropTurn, pageAfterCheck, pageForQuestion, quickPage } from '../../../utils/panel/quick-ask';
import { openAsk } from '../../../utils/panel/ask-stream';
import type { PageContent } from '../../../utils/sources/types';
import { addTurn, emptyConversation } from '../../../utils/panel/conversation';
import { createPortPair, until } from '../helpers/fake-port';

const held: PageContent = {
  url: 'https://a.example/',
  title: 'A',
  text: 'Body text.',
  selection: 'old selection',
  selectionContext: 'old ctx',
  reading: 'r-1',
};

describe('quickPage', () => {
  it('sends the held page with the selection the panel shows, exactly', () => {
    const q = quickPage(held, 4, 'ask')!;
    expect(q.page).toMatchObject({ text: 'Body text.', selection: 'old selection', selectionContext: 'old ctx' });
    expect(q.verify).toEqual({ tabId: 4, reading: 'r-1' });
  });

  it("a selection the user dropped goes as none (and then the menu's is the fallback)", () => {
    expect(quickPage(held, 4, 'ask', undefined, true)!.page).toMatchObject({ selection: '', selectionContext: undefined });
    expect(quickPage(held, 4, 'ask', 'menu text', true)!.page.selection).toBe('menu text');
  });

  it('a menu selection is the fallback; "Summarize this page" takes no selection', () => {
    expect(quickPage({ ...held, selection: '' }, 4, 'ask', 'menu text')!.page.selection).toBe('menu text');
    expect(quickPage(held, 4, 'summarize', 'menu text')!.page.selection).toBe('');
  });

  it('a page with no reading id (a PDF, a page read before) takes the long way', () => {
    expect(quickPage({ ...held, reading: undefined }, 4, 'ask')).toBeUndefined();
  });
});

describe('pageForQuestion (the long way)', () => {
  it("the page's own selection wins over the menu's; summarize drops both", () => {
    expect(pageForQuestion(held, 'ask', 'menu').selection).toBe('old selection');
    expect(pageForQuestion({ ...held, selection: '' }, 'ask', 'menu').selection).toBe('menu');
    expect(pageForQuestion(held, 'summarize', 'menu')).toMatchObject({ selection: '', selectionContext: undefined });
  });
});

describe('pageAfterCheck', () => {
  it('an unchanged page keeps its text and takes the new selection; a changed one is replaced', () => {
    expect(pageAfterCheck(held, { same: true, selection: 'new' })).toEqual({ ...held, selection: 'new', selectionContext: undefined });
    const changed = { ...held, text: 'Other', reading: 'r-2' };
    expect(pageAfterCheck(held, { same: false, page: changed })).toBe(changed);
  });
});

describe('dropTurn', () => {
  it('removes only that turn', () => {
    const [c1, t1] = addTurn(emptyConversation(), 'ask', 'one');
    const [c2, t2] = addTurn(c1, 'ask', 'two');
    expect(dropTurn(c2, t2.id).turns.map((t) => t.id)).toEqual([t1.id]);
  });
});

describe('openAsk with a checked page', () => {
  it('relays the check, and "stale" closes the port and calls onStale (no failure)', async () => {
    const pair = createPortPair('moonlit-ask');
    const handlers = { onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn(), onPage: vi.fn(), onStale: vi.fn() };
    openAsk({ mode: 'ask', question: 'Q', history: [] }, handlers, () => pair.panel as never);
    pair.bg.postMessage({ type: 'bg→panel:page', check: { same: true, selection: 's' } });
    pair.bg.postMessage({ type: 'bg→panel:stale' });
    await until(() => handlers.onStale.mock.calls.length === 1);
    expect(handlers.onPage).toHaveBeenCalledWith({ same: true, selection: 's' });
    expect(handlers.onFailure).not.toHaveBeenCalled();
    await until(() => pair.bg.disconnected === true);
  });

  it('"stale" without an onStale handler is an incomplete answer, never silence', async () => {
    const pair = createPortPair('moonlit-ask');
    const handlers = { onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn() };
    openAsk({ mode: 'ask', question: 'Q', history: [] }, handlers, () => pair.panel as never);
    pair.bg.postMessage({ type: 'bg→panel:stale' });
    await until(() => handlers.onFailure.mock.calls.length === 1);
    expect(handlers.onFailure.mock.calls[0][0].kind).toBe('incomplete');
  });
});
