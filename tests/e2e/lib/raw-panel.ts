import { openRaw, type RawPage } from './chrome-pages';
import type { ChromeSession } from './launch-chrome';
import { waitForPanelPage } from './panel-flow';

/** Chromium: a tab on `url` and a panel page bound to it (raw Playwright pages), once the panel shows `title`. */
export async function rawTabAndPanel(b: ChromeSession, url: string, title: string): Promise<{ tab: RawPage; panel: RawPage }> {
  const tab = await openRaw(b.context, url);
  const tabId = (await b.tabIdOf(url))!;
  const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
  await waitForPanelPage(panel.ui, title);
  return { tab, panel };
}
