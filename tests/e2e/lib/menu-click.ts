// A context-menu click fired through the background's real listener: Chromium's contextMenus.onClicked.dispatch in
// the worker, or in Firefox the handler the e2e build exposes (Firefox has no dispatch). No user gesture comes with
// it, so the browser grants no activeTab.
import assert from 'node:assert/strict';
import type { Moonlit } from './moonlit';
import { currentWorker } from './chrome-pages';

/** Fires a click on the menu item `info.menuItemId` in tab `tabId`, with the rest of `info` as the browser would give it. */
export async function clickMenu(m: Moonlit, tabId: number, info: { menuItemId: string; pageUrl: string } & Record<string, unknown>): Promise<void> {
  const data = { editable: false, ...info };
  if (m.kind === 'chromium') {
    const worker = await currentWorker(m.b.context);
    await worker.evaluate(
      async ([i, tab]: [object, number]) => {
        type Ev = { dispatch(...args: unknown[]): void };
        const c = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<object> }; contextMenus: { onClicked: Ev } } }).chrome;
        c.contextMenus.onClicked.dispatch(i, await c.tabs.get(tab));
      },
      [data, tabId] as [object, number],
    );
    return;
  }
  const error = await m.helper.evaluate(
    async ([i, tab]: [object, number]) => {
      type Api = {
        runtime: { getBackgroundPage(): Promise<{ __moonlit: { onMenuClicked(info: object, tab: object): Promise<unknown> } }> };
        tabs: { get(id: number): Promise<object> };
      };
      const b = (globalThis as unknown as { browser: Api }).browser;
      try {
        await (await b.runtime.getBackgroundPage()).__moonlit.onMenuClicked(i, await b.tabs.get(tab));
        return '';
      } catch (e) {
        return String(e);
      }
    },
    [data, tabId] as [object, number],
  );
  assert.equal(error, '', `the background's menu handler threw: ${error}`);
}
