// Filling Moonlit's storage.local from one of its own pages, and reading back what a panel saved. Shared by the
// Chromium and Firefox halves of tests/e2e/storage.e2e.ts. Page functions are self-contained (they run in the page).
import { waitInPage, type UiPage } from './ui-driver';

export const FILLER_PREFIX = 'conv:fill-';

export interface FillResult {
  /** Filler conversations written, oldest first (fill-0 is the oldest). */
  count: number;
  /** The browser's words for the write that did not fit, '' when every write fitted. */
  lastError: string;
  /** storage.local in bytes after filling (the browser's count where it has one, else an estimate). */
  used: number;
  quota: number | null;
}

/**
 * Writes old, valid conversations (version 3 records, updatedAt in 1970) of `sizes[0]` characters while they fit,
 * then of each smaller size in turn, stopping at `stopAt` bytes in use. With no stop that is until the browser
 * refuses even the smallest: storage.local is then full to within about `sizes.at(-1)` bytes.
 */
export async function fillStorage(page: UiPage, sizes: number[], stopAt: number | null): Promise<FillResult> {
  // Results cross as JSON: Firefox's BiDi cannot clone objects an add-on API made.
  const json = await page.evaluate(
    async ({ sizes, stopAt }: { sizes: number[]; stopAt: number | null }) => {
      const g = globalThis as unknown as { browser?: { storage: unknown }; chrome?: { storage: unknown } };
      const area = (
        (g.browser ?? g.chrome)!.storage as {
          local: {
            set(items: object): Promise<void>;
            get(k: null): Promise<Record<string, unknown>>;
            getBytesInUse?: (k: null) => Promise<number>;
            QUOTA_BYTES?: number;
          };
        }
      ).local;
      const enc = new TextEncoder();
      const used = async () => {
        try {
          if (typeof area.getBytesInUse === 'function') return await area.getBytesInUse(null);
        } catch {
          /* Firefox: not implemented */
        }
        const all = await area.get(null);
        return Object.entries(all).reduce((n, [k, v]) => n + enc.encode(k).length + enc.encode(JSON.stringify(v)).length, 0);
      };
      const record = (i: number, size: number) => ({
        v: 3,
        id: `fill-${i}`,
        url: `https://filler.example/${i}`,
        title: `Filler ${i}`,
        createdAt: i + 1,
        updatedAt: i + 1,
        turns: [{ id: `fill-${i}-t`, mode: 'ask', question: 'Filler question', answer: 'x'.repeat(size), reasoning: '', status: 'done' }],
      });
      let count = 0;
      let lastError = '';
      let bytes = await used();
      for (const size of sizes) {
        for (;;) {
          if (stopAt !== null && bytes >= stopAt) break;
          try {
            await area.set({ [`conv:fill-${count}`]: record(count, size) });
            count++;
            bytes += size + 300;
          } catch (e) {
            lastError = String((e as Error)?.message ?? e);
            break;
          }
        }
      }
      return JSON.stringify({ count, lastError, used: await used(), quota: typeof area.QUOTA_BYTES === 'number' ? area.QUOTA_BYTES : null });
    },
    { sizes, stopAt },
  );
  return JSON.parse(json) as FillResult;
}

/** The stored conversations: id → number of turns (fillers included). */
export async function storedConversations(page: UiPage): Promise<Record<string, number>> {
  const json = await page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: { storage: unknown }; chrome?: { storage: unknown } };
    const area = ((g.browser ?? g.chrome)!.storage as { local: { get(k: null): Promise<Record<string, unknown>> } }).local;
    const all = await area.get(null);
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(all)) if (k.startsWith('conv:')) out[k] = ((v as { turns?: unknown[] }).turns ?? []).length;
    return JSON.stringify(out);
  }, null);
  return JSON.parse(json) as Record<string, number>;
}

/** The panel's own conversations (not fillers) and their turn counts. */
export async function panelConversations(page: UiPage): Promise<Record<string, number>> {
  const all = await storedConversations(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(FILLER_PREFIX)));
}

/** The text of the element matching `selector`, '' when there is none. */
export const textOf = (page: UiPage, selector: string): Promise<string> =>
  page.evaluate((s: string) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);

/**
 * Makes the tab showing this extension page the active one, through the tabs API from the page itself: Firefox
 * does not paint a background tab, so a click there waits for a frame that never comes.
 */
export async function focusTab(page: UiPage): Promise<void> {
  await page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: { tabs: unknown }; chrome?: { tabs: unknown } };
    const tabs = (g.browser ?? g.chrome)!.tabs as { getCurrent(): Promise<{ id?: number } | undefined>; update(id: number, p: object): Promise<unknown> };
    const me = await tabs.getCurrent();
    if (me?.id !== undefined) await tabs.update(me.id, { active: true });
    return true;
  }, null);
  await waitInPage(page, 'the tab to be shown', () => document.visibilityState === 'visible', null);
}
