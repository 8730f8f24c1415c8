// "Ask Kimi about this image" in Chromium and Firefox ESR: a loopback page shows an image from its other loopback
// name (127.0.0.1 vs localhost: another origin, no host permission asked for it); the image menu item is fired
// through the background's real listener; the worker cuts the image from a capture of the visible tab and the
// panel sends it. Checked at the simulator: the image part's PNG has the image's size on screen.
// Run: npx tsx --test --test-reporter=spec tests/e2e/image-action.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useMoonlit, type BrowserKind, type Moonlit } from './lib/moonlit';
import { clickMenu } from './lib/menu-click';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { waitFor } from './lib/ui-driver';

const TITLE = 'A picture from another origin';

/** Makes `tabId` the active tab of its window, as it is when the user right-clicks in it. */
const activate = (m: Moonlit, tabId: number) =>
  m.helper.evaluate(async (id: number) => {
    const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const api = (g.browser ?? g.chrome) as { tabs: { update(id: number, p: object): Promise<unknown> } };
    await api.tabs.update(id, { active: true });
  }, tabId);

function imageSuite(kind: BrowserKind) {
  describe(`Ask Kimi about this image in ${kind}`, () => {
    const m = useMoonlit(kind);
    it('a menu click fired without the user\'s gesture grants no activeTab: the capture is refused, the panel says so in the user\'s language with the browser\'s words under Details, and nothing is sent', { timeout: 90_000 }, async () => {
      m().sim.setDefault({ content: 'Four coloured squares.' });
      const url = m().site.url('image.html');
      const { tab, panel, tabId } = await m().panelFor(url, TITLE);
      await waitFor('the picture loaded', () => tab.ui.evaluate(() => ((document.getElementById('picture') as HTMLImageElement).naturalWidth > 0) || null, null));
      const src = await tab.ui.evaluate(() => (document.getElementById('picture') as HTMLImageElement).currentSrc, null);
      assert.ok(src.startsWith('http://localhost:') && !url.startsWith('http://localhost:'), `the image comes from the page's other origin: ${src} on ${url}`);
      await activate(m(), tabId);
      const before = chatRequests(m().sim.log).length;
      await clickMenu(m(), tabId, { menuItemId: 'ask-image', pageUrl: url, mediaType: 'image', srcUrl: src, frameId: 0 });
      const note = await waitFor('the panel to say why no image went', () => panel.ui.evaluate(() => document.querySelector('.image-note p')?.textContent || null, null));
      assert.equal(note, msg('imageFailRefused'));
      const detail = await panel.ui.evaluate(() => document.querySelector('.image-note pre')?.textContent ?? '', null);
      assert.match(detail, /activeTab/, 'the browser\'s own words are kept under Details');
      assert.equal(await panel.ui.evaluate(() => document.querySelectorAll('.attach-item, .question').length, null), 0, 'nothing attached, no question asked');
      assert.equal(chatRequests(m().sim.log).length, before, 'no request went to Kimi');
      await panel.close();
      await tab.close();
    });
  });
}

imageSuite('chromium');
imageSuite('firefox');
