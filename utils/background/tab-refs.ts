import { browser } from 'wxt/browser';
import type { ExtractResult, TabText } from '../messaging/types';
import type { BgToPanel } from '../messaging/port-protocol';
import type { PageContent, TabRef } from '../sources/types';
import { asNow, asShown, type TabNews } from '../sources/tab-refs';
import { keptSource, readAddedTab, type TabLook } from './tab-sources';
import { extractTab } from './extract-tab';

/** How the worker reads an added tab (its page reader, through `extractTab`) and asks the browser about it. */
export interface TabRefDeps {
  read: (tabId: number, known?: string) => Promise<ExtractResult>;
  look: TabLook;
}
export const tabRefDeps: TabRefDeps = { read: (tabId, known) => extractTab(tabId, known), look: (tabId) => browser.tabs.get(tabId) };

type Referenced = TabText & { ref: TabRef };
type Found = { kind: 'same' } | { kind: 'now'; page: PageContent; status: TabNews['status'] } | { kind: 'last'; status: 'closed' | 'unreadable' };

/** One referenced tab as it is now: its check held while its page reader watches (tab-sources.ts), else read. */
async function check(tab: Referenced, deps: TabRefDeps): Promise<Found> {
  const { tabId, reading } = tab.ref;
  const read = (known?: string) => readAddedTab(tabId, known, { read: () => deps.read(tabId, known), look: deps.look }).catch(() => undefined);
  let r = await read(reading);
  // Another reading than ours "same" (two panels raced): read whole, once.
  if (r?.ok === 'same' && r.same !== reading) r = await read();
  if (r?.ok === 'same' && r.same === reading) return { kind: 'same' };
  if (r?.ok === true) {
    const status = r.page.url !== tab.url ? 'navigated' : r.page.text === keptSource(reading, tab.url)?.text ? 'ready' : 'changed';
    return { kind: 'now', page: r.page, status };
  }
  return { kind: 'last', status: r?.ok === false && r.reason === 'no-tab' ? 'closed' : 'unreadable' };
}

/**
 * A question's added tabs, resolved: each reference checked (all at once), unchanged ones take the text kept here
 * (or, after a restart, the panel's: `askTexts`, asked once for all), cut exactly as the panel showed them; a tab
 * found changed goes as it is now, cut to its share; a closed or unreadable one keeps its last text. `news`: what
 * the panel must be told, so no tab goes otherwise than its chip says.
 */
export async function resolveTabRefs(
  tabs: readonly TabText[],
  deps: TabRefDeps,
  askTexts: (tabIds: number[]) => Promise<ReadonlyMap<number, string>>,
): Promise<{ tabs: TabText[]; news: TabNews[] }> {
  const found = await Promise.all(tabs.map((t) => (t.ref ? check(t as Referenced, deps) : undefined)));
  const kept = (t: TabText) => (t.ref ? keptSource(t.ref.reading, t.url)?.text : undefined);
  const lacking = tabs.filter((t, i) => t.ref && found[i]?.kind !== 'now' && kept(t) === undefined).map((t) => t.ref!.tabId);
  const asked = lacking.length ? await askTexts(lacking) : new Map<number, string>();
  const news: TabNews[] = [];
  const out = tabs.map((t, i): TabText => {
    const f = found[i];
    if (!t.ref || !f) return t;
    const tab = t as Referenced;
    const { tabId } = tab.ref;
    if (f.kind === 'now') {
      news.push({ tabId, status: f.status, page: f.page });
      return asNow(tab, f.page);
    }
    const text = kept(t) ?? asked.get(tabId);
    // Only when the panel did not send it (it always does): the tab goes empty, and its chip says it could not be read.
    const status = text === undefined ? 'unreadable' : f.kind === 'last' ? f.status : undefined;
    if (status) news.push({ tabId, status });
    return asShown(tab, text ?? '', status);
  });
  return { tabs: out, news };
}

/** One ask port's side of its referenced tabs' texts: asked for once (`bg→panel:need-tabs`), taken once (`panel→bg:tab-texts`). */
export function tabTextInbox(post: (message: BgToPanel) => void, signal: AbortSignal) {
  let texts: Map<number, string> | undefined;
  let waiting: ((texts: ReadonlyMap<number, string>) => void) | undefined;
  signal.addEventListener('abort', () => waiting?.(new Map()));
  return {
    ask: (tabIds: number[]): Promise<ReadonlyMap<number, string>> =>
      texts || signal.aborted
        ? Promise.resolve(texts ?? new Map())
        : new Promise((resolve) => {
            waiting = resolve;
            post({ type: 'bg→panel:need-tabs', tabIds });
          }),
    take(list: readonly { tabId: number; text: string }[]): void {
      if (texts) return;
      texts = new Map(list.map((t) => [t.tabId, t.text]));
      waiting?.(texts);
    },
  };
}
