// Added tabs go with a question as references (tabId, reading, the share the panel showed): the worker checks them
// all while it resolves the question, takes the texts it keeps (or asks the panel once for those it lacks), cuts each
// exactly as the panel showed it, sends a changed tab as it is now and tells the panel so.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AskRequest, ExtractResult } from '../../../utils/messaging/types';
import type { PageContent } from '../../../utils/sources/types';
import type { BgToPanel, PanelToBg } from '../../../utils/messaging/port-protocol';
import { handleAskPort } from '../../../utils/background/ask-session';
import { forgetSources, readAddedTab, sourceChanged, type TabLook } from '../../../utils/background/tab-sources';
import type { TabRefDeps } from '../../../utils/background/tab-refs';
import { openAsk } from '../../../utils/panel/ask-stream';
import { tabAsk } from '../../../utils/panel/tab-ask';
import { addedTabOf, isRefTexts, isTabTexts, type AddedTab } from '../../../utils/sources/tab-fresh';
import { chipsAfter, withNews, type TabNews } from '../../../utils/sources/tab-refs';
import { createPortPair, until } from '../helpers/fake-port';
import { chats, connectionTo, workerSimulator } from './ask-harness';

const simulator = workerSimulator(() => forgetSources());
const QUESTION = 'What do the ledgers say about January?';
const LATE = 'Late entry: the south pier lantern was relit on the first calm night of April.';

const ledger = (side: string, paragraphs = 1): PageContent => ({
  url: `https://${side}.example/ledger`,
  title: `The ${side} ledger`,
  text: Array.from({ length: paragraphs }, (_, i) => `The ${side} harbour ledger records spring tide ${i + 1} in January, by hand.`).join('\n\n'),
  selection: '',
  reading: `r-${side}`,
});

/** The tabs' readers: each tab's page now (or its answer), counted; the browser sees each tab where it was read. */
function tabsNow(now: Record<number, PageContent | ExtractResult>) {
  const read = vi.fn(async (tabId: number, known?: string): Promise<ExtractResult> => {
    const r = now[tabId];
    if (!('ok' in r)) return known && known === r.reading ? { ok: 'same', same: known, selection: '' } : { ok: true, page: r };
    return r;
  });
  const look = vi.fn<TabLook>(async (tabId) => {
    const r = now[tabId];
    return 'ok' in r ? null : { url: r.url, status: 'complete' };
  });
  return { read, look } satisfies TabRefDeps;
}

/** "Add tabs": each tab read through the worker (`panel→bg:extract {added}`), which keeps its text and holds its check. */
async function added(pages: Record<number, PageContent>): Promise<AddedTab[]> {
  const out: AddedTab[] = [];
  for (const [id, page] of Object.entries(pages)) {
    const tabId = Number(id);
    await readAddedTab(tabId, undefined, { read: async () => ({ ok: true, page }), look: async () => ({ url: page.url, status: 'complete' }) });
    out.push(addedTabOf(tabId, page));
  }
  return out;
}

/** The panel's side (tabAsk, openAsk as use-ask calls them) and the worker's (handleAskPort) on one port pair. */
function ask(tabs: AddedTab[], deps: TabRefDeps, model = 'moonshot-v1-128k') {
  const sent = tabAsk(undefined, tabs, model, [], { question: QUESTION, history: [] });
  const request: AskRequest = { mode: 'ask', question: QUESTION, history: [], tabs: sent.tabs.map(({ tabId: _, ...t }) => t) };
  const { panel, bg } = createPortPair('moonlit-ask');
  handleAskPort(bg as never, { balanceCheck: false, connect: async () => connectionTo(simulator()), tabs: deps });
  const seen: BgToPanel[] = [];
  panel.onMessage.addListener((m: unknown) => void seen.push(m as BgToPanel));
  const onTabs = vi.fn<(news: TabNews[]) => void>();
  const handlers = { onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn(), onTabs };
  openAsk(request, handlers, () => panel as never);
  return {
    sent,
    onTabs,
    posted: () => bg.received as PanelToBg[],
    types: () => seen.map((m) => m.type),
    done: () =>
      until(() => handlers.onDone.mock.calls.length + handlers.onFailure.mock.calls.length > 0, 15_000).then(() => expect(handlers.onDone).toHaveBeenCalled()),
  };
}

/** The system messages of the one request Kimi got: each added tab in a wrapper of its own. */
const tabMessages = () => {
  expect(chats(simulator())).toHaveLength(1);
  const body = JSON.parse(chats(simulator())[0].body) as { messages: { role: string; content: string }[] };
  return body.messages.filter((m) => m.role === 'system' && m.content.startsWith('Another tab'));
};
const wrapped = (text: string) => `<page_content>\n${text}\n</page_content>`;

describe("a question's added tabs, sent as references and resolved by the worker", () => {
  beforeEach(() => forgetSources());

  it('kept texts: no tab text crosses the port, no call into an unchanged tab, each tab in its wrapper', async () => {
    const north = ledger('north');
    const south = ledger('south');
    const deps = tabsNow({ 1: north, 2: south });
    const run = ask(await added({ 1: north, 2: south }), deps);
    await run.done();
    const asked = run.posted().find((m) => m.type === 'panel→bg:ask')!;
    expect(asked.request.tabs!.map((t) => [t.text, t.ref?.tabId, t.ref?.reading])).toEqual([
      ['', 1, 'r-north'],
      ['', 2, 'r-south'],
    ]);
    expect(deps.read).not.toHaveBeenCalled();
    const messages = tabMessages();
    expect(messages).toHaveLength(2);
    expect(messages[0].content).toContain(wrapped(north.text));
    expect(messages[1].content).toContain(wrapped(south.text));
    expect(run.types()).not.toContain('bg→panel:need-tabs');
    expect(run.onTabs).not.toHaveBeenCalled();
  });

  it('a restarted worker asks the panel once for every text it lacks, and reads nothing whole', async () => {
    const north = ledger('north');
    const south = ledger('south');
    const tabs = await added({ 1: north, 2: south });
    forgetSources();
    const deps = tabsNow({ 1: north, 2: south });
    const run = ask(tabs, deps);
    await run.done();
    expect(run.types().filter((t) => t === 'bg→panel:need-tabs')).toHaveLength(1);
    expect(run.posted().map((m) => m.type)).toEqual(['panel→bg:ask', 'panel→bg:tab-texts']);
    // Each tab's reader still held the reading: checked, not read again.
    expect(deps.read.mock.calls).toEqual([
      [1, 'r-north'],
      [2, 'r-south'],
    ]);
    const messages = tabMessages();
    expect(messages[0].content).toContain(wrapped(north.text));
    expect(messages[1].content).toContain(wrapped(south.text));
    expect(run.onTabs).not.toHaveBeenCalled();
  });

  it('each tab is cut exactly as the panel showed it (its share of a small model)', async () => {
    const north = ledger('north', 700);
    const south = ledger('south', 1_400);
    const run = ask(await added({ 1: north, 2: south }), tabsNow({ 1: north, 2: south }), 'moonshot-v1-32k');
    await run.done();
    const [n, s] = run.sent.tabs;
    expect(n.coverage).toBeLessThan(1);
    expect(s.coverage).toBeLessThan(1);
    expect(n.ref!.chars).toBe(n.text.length);
    const messages = tabMessages();
    expect(messages[0].content).toContain(wrapped(n.text));
    expect(messages[1].content).toContain(wrapped(s.text));
    // Nothing past the cut: the next paragraph of each tab is not there.
    expect(messages[0].content).not.toContain(north.text.slice(n.text.length, n.text.length + 60).trim());
    expect(messages[1].content).not.toContain(south.text.slice(s.text.length, s.text.length + 60).trim());
    expect(messages[1].content).toContain(`only the first ${Math.floor(s.coverage * 100)}%`);
  });

  it('a tab changed since it was added goes as it is now, and the panel is told in one message', async () => {
    const north = ledger('north');
    const south = ledger('south');
    const tabs = await added({ 1: north, 2: south });
    sourceChanged(2);
    const now = { ...south, text: `${south.text}\n\n${LATE}`, reading: 'r-south-2' };
    const deps = tabsNow({ 1: north, 2: now });
    const run = ask(tabs, deps);
    await run.done();
    const messages = tabMessages();
    expect(messages[1].content).toContain(wrapped(now.text));
    expect(messages[0].content).toContain(wrapped(north.text));
    expect(deps.read.mock.calls.map((c) => c[0])).toEqual([2]);
    expect(run.types().filter((t) => t === 'bg→panel:tabs')).toHaveLength(1);
    const news: TabNews[] = [{ tabId: 2, status: 'changed', page: now }];
    expect(run.onTabs).toHaveBeenCalledWith(news);
    // The panel's copies: the chip takes the new text and status, what the turn sent is what Kimi read.
    expect(chipsAfter(tabs, news)[1]).toMatchObject({ status: 'changed', text: now.text, reading: 'r-south-2' });
    expect(withNews(run.sent.tabs, news)[1]).toMatchObject({ text: now.text, coverage: 1 });
  });

  it('a tab at another address since goes as it is now, marked navigated (the browser said so: no held check serves)', async () => {
    const north = ledger('north');
    const south = ledger('south');
    const tabs = await added({ 1: north, 2: south });
    const now = { ...ledger('west'), reading: 'r-west' };
    const run = ask(tabs, tabsNow({ 1: north, 2: now }));
    await run.done();
    expect(tabMessages()[1].content).toContain(wrapped(now.text));
    expect(run.onTabs).toHaveBeenCalledWith([{ tabId: 2, status: 'navigated', page: now }]);
  });

  it('a tab closed since keeps its text, noted as closed, and the panel is told', async () => {
    const north = ledger('north');
    const south = ledger('south');
    const tabs = await added({ 1: north, 2: south });
    const run = ask(tabs, tabsNow({ 1: north, 2: { ok: false, reason: 'no-tab' } }));
    await run.done();
    const messages = tabMessages();
    expect(messages[1].content).toContain('this tab has been closed');
    expect(messages[1].content).toContain(wrapped(south.text));
    expect(run.onTabs).toHaveBeenCalledWith([{ tabId: 2, status: 'closed' }]);
  });

  it('the references and texts are checked at the port boundary', () => {
    const tab = { title: 'T', url: 'https://t.example/', text: '', coverage: 1 };
    expect(isTabTexts([{ ...tab, ref: { tabId: 1, reading: 'r', chars: 3, share: 10 } }])).toBe(true);
    for (const ref of [
      { tabId: 1, reading: 'r', chars: -1, share: 10 },
      { tabId: 1, reading: 7, chars: 1, share: 1 },
      { tabId: 1.5, reading: 'r', chars: 1, share: 1 },
      null,
    ])
      expect(isTabTexts([{ ...tab, ref }])).toBe(false);
    expect(isRefTexts([{ tabId: 1, text: 'a' }])).toBe(true);
    expect(isRefTexts(Array.from({ length: 21 }, (_, i) => ({ tabId: i, text: 'a' })))).toBe(false);
    expect(isRefTexts([{ tabId: '1', text: 'a' }])).toBe(false);
  });
});
