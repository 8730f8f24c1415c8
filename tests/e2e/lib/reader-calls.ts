import type { BrowserContext } from 'playwright-core';
import { currentWorker } from './chrome-pages';
import { pageScript, waitFor } from './ui-driver';
import type { Moonlit } from './moonlit';

type Scripting = { executeScript(injection: { target: { tabId: number } }): Promise<unknown> };
type WorkerGlobal = { chrome: { scripting: Scripting }; __moonlitReaderCalls?: Record<number, number> };

/**
 * Chromium: counts the worker's finished calls into a tab's page (the page reader asked to read or check it), so a
 * test can wait until a check the panel started has been answered. It only counts: every call goes through as it
 * was made. A worker restarted since has no count, and the wait then fails rather than passes.
 */
export async function readerCalls(context: BrowserContext, tabId: number) {
  const worker = await currentWorker(context);
  await worker.evaluate(
    pageScript(() => {
      const g = globalThis as unknown as WorkerGlobal;
      if (g.__moonlitReaderCalls) return;
      const calls: Record<number, number> = (g.__moonlitReaderCalls = {});
      const scripting = g.chrome.scripting;
      const original = scripting.executeScript.bind(scripting);
      scripting.executeScript = (injection) =>
        original(injection).finally(() => {
          calls[injection.target.tabId] = (calls[injection.target.tabId] ?? 0) + 1;
        });
    }, null),
  );
  const count = () =>
    worker.evaluate(pageScript((tab: number) => (globalThis as unknown as WorkerGlobal).__moonlitReaderCalls?.[tab] ?? -1, tabId)) as Promise<number>;
  const since = await count();
  return {
    /** Resolves once a call into the tab's page made after this count began has been answered. */
    answered: () => waitFor('the worker to have read the tab since', async () => (await count()) > since || undefined),
  };
}

type Counts = { calls: Record<number, number>; changes: Record<number, number>; extracts: Record<number, number> };
type Api = {
  scripting: Scripting;
  runtime: {
    onMessage: { addListener(f: (m: unknown, sender: { tab?: { id?: number } }) => undefined): void };
    getBackgroundPage?(): Promise<CountingGlobal>;
  };
};
type CountingGlobal = { browser?: Api; chrome?: Api; __moonlitCounts?: Counts };

/**
 * Runs in Chromium's worker, or in Moonlit's helper page in Firefox, where it reaches the event page: counts the
 * background's finished calls into each tab's page, the `page→bg:changed` messages each tab's page reader sent and
 * the panel's `panel→bg:extract` messages naming each tab.
 * Moonlit's own listener was added at start-up, so it has run by the time this one counts a message. It only counts:
 * every call and message goes on as it was. `read`: only returns the counts (null when there are none).
 */
async function countInBackground(read: boolean): Promise<Counts | null> {
  const self = globalThis as unknown as CountingGlobal;
  const g = self.browser?.runtime.getBackgroundPage ? await self.browser.runtime.getBackgroundPage() : self;
  if (read) return g.__moonlitCounts ? JSON.parse(JSON.stringify(g.__moonlitCounts)) : null;
  if (g.__moonlitCounts) return null;
  const counts: Counts = (g.__moonlitCounts = { calls: {}, changes: {}, extracts: {} });
  const api = (g.browser?.scripting ? g.browser : g.chrome)!;
  const scripting = api.scripting;
  const original = scripting.executeScript.bind(scripting);
  scripting.executeScript = (injection) =>
    original(injection).finally(() => {
      counts.calls[injection.target.tabId] = (counts.calls[injection.target.tabId] ?? 0) + 1;
    });
  api.runtime.onMessage.addListener((m, sender) => {
    const id = sender.tab?.id;
    const { name, data } = (m ?? {}) as { name?: unknown; data?: { tabId?: unknown } };
    if (name === 'page→bg:changed' && id !== undefined) counts.changes[id] = (counts.changes[id] ?? 0) + 1;
    // The panel asking the background to read a tab (`panel→bg:extract`), by the tab it names.
    if (name === 'panel→bg:extract' && typeof data?.tabId === 'number') counts.extracts[data.tabId] = (counts.extracts[data.tabId] ?? 0) + 1;
    return undefined;
  });
  return null;
}

/**
 * Both browsers: the background's calls into tabs and the page readers' change messages, counted from now (a
 * background stopped since has no counts, and reading them then throws rather than passes). Firefox's event page
 * is reached from Moonlit's helper page (`runtime.getBackgroundPage`; the counting lives as long as that page).
 */
export async function backgroundCounts(m: Moonlit) {
  const run = async (read: boolean) =>
    m.kind === 'chromium'
      ? ((await (await currentWorker(m.b.context)).evaluate(pageScript(countInBackground, read))) as Counts | null)
      : m.helper.evaluate(countInBackground, read);
  const read = async (): Promise<Counts> => {
    const counts = await run(true);
    if (!counts) throw new Error('the background was restarted: its counts are gone');
    return counts;
  };
  await run(false);
  const start = await read();
  const since = (now: Record<number, number>, then: Record<number, number>, tabId: number) => (now[tabId] ?? 0) - (then[tabId] ?? 0);
  return {
    /** Calls into the tab's page since the counting began. */
    calls: async (tabId: number) => since((await read()).calls, start.calls, tabId),
    /** `page→bg:changed` messages from the tab since the counting began. */
    changes: async (tabId: number) => since((await read()).changes, start.changes, tabId),
    /** The panel's `panel→bg:extract` messages for the tab since the counting began. */
    extracts: async (tabId: number) => since((await read()).extracts, start.extracts, tabId),
  };
}
