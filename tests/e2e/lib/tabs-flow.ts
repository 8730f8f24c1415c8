// Tabs for the multi-tab suite (each function runs in the page, so each names the API itself), made and read through Moonlit's own extension page (the helper), so Chromium and
// Firefox ESR open them alike in the bound tab's window, and a tab's state is read from the tabs API, not guessed.
import { waitInPage, type UiPage } from './ui-driver';

type Api = { tabs: Record<string, (...args: unknown[]) => Promise<unknown>>; scripting: { executeScript(o: unknown): Promise<{ result: unknown }[]> } };

export const windowOf = (helper: UiPage, tabId: number): Promise<number> =>
  helper.evaluate(async (id: number) => {
    const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return ((await a.tabs.get(id)) as { windowId: number }).windowId;
  }, tabId);

/** A background tab on `url` in window `windowId`, once it has loaded. */
export async function createTab(helper: UiPage, windowId: number, url: string): Promise<number> {
  const id = await helper.evaluate(
    async ([w, u]: [number, string]) => {
      const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      return ((await a.tabs.create({ windowId: w, url: u, active: false })) as { id: number }).id;
    },
    [windowId, url] as [number, string],
  );
  await untilLoaded(helper, id, url);
  return id;
}

export async function navigateTab(helper: UiPage, tabId: number, url: string): Promise<void> {
  await helper.evaluate(
    async ([id, u]: [number, string]) => {
      const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      await a.tabs.update(id, { url: u });
    },
    [tabId, url] as [number, string],
  );
  await untilLoaded(helper, tabId, url);
}

export const closeTab = (helper: UiPage, tabId: number): Promise<void> =>
  helper.evaluate(async (id: number) => {
    const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    await a.tabs.remove(id);
  }, tabId);

export const tabTitle = (helper: UiPage, tabId: number): Promise<string> =>
  helper.evaluate(async (id: number) => {
    const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return ((await a.tabs.get(id)) as { title?: string }).title ?? '';
  }, tabId);

/** Whether the tab is the active one of its window. */
export const isActive = (helper: UiPage, tabId: number): Promise<boolean> =>
  helper.evaluate(async (id: number) => {
    const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return ((await a.tabs.get(id)) as { active: boolean }).active;
  }, tabId);

/**
 * How the tab's page marks Moonlit's citation now: the texts registered as its highlight (CSS Custom Highlight API), or
 * 'overlay' when the browser lacks that API and boxes are drawn over the passage instead (highlight.ts). Read in the
 * page's own world, the registry the page paints from: Firefox's content-script world sees it through Xray wrappers,
 * which cannot iterate a Highlight ("Xray wrapping of iterators not supported"), so the mark read as missing there.
 */
export const citeMarkIn = (helper: UiPage, tabId: number): Promise<string[] | 'overlay'> =>
  helper.evaluate(async (id: number) => {
    const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    const [r] = await a.scripting.executeScript({
      target: { tabId: id },
      world: 'MAIN',
      func: () => {
        const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('moonlit-cite');
        if (h) return [...h].map((range) => range.toString().replace(/\s+/g, ' ').trim());
        return document.querySelector('moonlit-cite-layer moonlit-cite-box') ? 'overlay' : [];
      },
    });
    return (r?.result as string[] | 'overlay' | undefined) ?? [];
  }, tabId);

/** Appends a paragraph to the tab's article, in the page's own world (as the page's own script would). */
export const appendParagraph = (helper: UiPage, tabId: number, text: string): Promise<void> =>
  helper.evaluate(
    async ([id, t]: [number, string]) => {
      const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      await a.scripting.executeScript({
        target: { tabId: id },
        world: 'MAIN',
        args: [t],
        func: (line: string) => {
          const p = document.createElement('p');
          p.textContent = line;
          document.querySelector('article')!.append(p);
        },
      });
    },
    [tabId, text] as [number, string],
  );

async function untilLoaded(helper: UiPage, tabId: number, url: string): Promise<void> {
  await waitInPage(
    helper,
    `tab ${tabId} to load ${url}`,
    async ([id, u]: [number, string]) => {
      const a = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      const t = (await a.tabs.get(id)) as { status?: string; url?: string };
      return t.status === 'complete' && t.url === u;
    },
    [tabId, url] as [number, string],
  );
}
