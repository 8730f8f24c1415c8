import type { BrowserContext } from 'playwright-core';
import { currentWorker } from './chrome-pages';
import { pageScript, waitFor } from './ui-driver';

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
