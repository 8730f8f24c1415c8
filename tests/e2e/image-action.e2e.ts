// "Ask Kimi about this image" in Chromium and Firefox ESR: a loopback page shows an image from its other loopback
// name (127.0.0.1 vs localhost: another origin, no host permission asked for it); the image menu item is fired
// through the background's real listener; the worker cuts the image from a capture of the visible tab and the
// panel sends it, after the answer in progress if one streams. Checked at the simulator: the image part's PNG has the
// image's size on screen.
// Run: npx tsx --test --test-reporter=spec tests/e2e/image-action.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useMoonlit, type BrowserKind, type Moonlit } from './lib/moonlit';
import { clickMenu } from './lib/menu-click';
import { currentWorker } from './lib/chrome-pages';
import { grantActiveTab, loadedPicture, useHeadedMoonlit } from './lib/active-tab';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { waitFor } from './lib/ui-driver';
import { ask, waitForTurn } from './lib/answers';

const TITLE = 'A picture from another origin';
const QUESTION = 'What is on this page?';

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
    it("a menu click fired without the user's gesture grants no activeTab: the capture is refused, the panel says so in the user's language with the browser's words under Details, and nothing is sent", {
      timeout: 90_000,
    }, async () => {
      m().sim.setDefault({ content: 'Four coloured squares.' });
      const url = m().site.url('image.html');
      const { tab, panel, tabId } = await m().panelFor(url, TITLE);
      const src = await loadedPicture(tab.ui);
      assert.ok(src.startsWith('http://localhost:') && !url.startsWith('http://localhost:'), `the image comes from the page's other origin: ${src} on ${url}`);
      await activate(m(), tabId);
      const before = chatRequests(m().sim.log).length;
      await clickMenu(m(), tabId, { menuItemId: 'ask-image', pageUrl: url, mediaType: 'image', srcUrl: src, frameId: 0 });
      const note = await waitFor('the panel to say why no image went', () =>
        panel.ui.evaluate(() => document.querySelector('.image-note p')?.textContent || null, null),
      );
      assert.equal(note, msg('imageFailRefused'));
      const detail = await panel.ui.evaluate(() => document.querySelector('.image-note pre')?.textContent ?? '', null);
      assert.match(detail, /activeTab/, "the browser's own words are kept under Details");
      assert.equal(await panel.ui.evaluate(() => document.querySelectorAll('.attach-item, .question').length, null), 0, 'nothing attached, no question asked');
      assert.equal(chatRequests(m().sim.log).length, before, 'no request went to Kimi');
      await panel.close();
      await tab.close();
    });
  });
}

/** Width and height from a PNG data URL's header. */
function pngSize(dataUrl: string): { width: number; height: number } {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Part = { type: string; image_url?: { url: string }; text?: string };
const imagePart = (r: { json?: unknown }) => {
  const last = (r.json as { messages?: { content?: unknown }[] })?.messages?.at(-1)?.content;
  return Array.isArray(last) ? (last as Part[]).find((p) => p.type === 'image_url') : undefined;
};

describe('Ask Kimi about this image in headed Chromium under Xvfb (activeTab from a real key press)', () => {
  const { m, ready, display } = useHeadedMoonlit();

  it("the image, from another origin, is cut from the tab's capture; asked while an answer streams, it waits for Stop, then reaches Kimi as an image part of its size on screen", {
    timeout: 120_000,
  }, async (t) => {
    if (!ready(t)) return;
    const mm = m();
    mm.sim.setDefault({ content: 'Four coloured squares.' });
    // A model that sees images, so the question goes without the choice a text-only model asks for.
    await mm.helper.evaluate(async (model: string) => {
      const local = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { model: string }>>; set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local;
      const { settings } = await local.get('settings');
      await local.set({ settings: { ...settings, model } });
    }, 'moonshot-v1-128k-vision-preview');
    const url = mm.site.url('image.html');
    const tab = await mm.open(url);
    const tabId = await mm.tabIdOf(url);
    const src = await loadedPicture(tab.ui);
    // activeTab comes only with the user's gesture: a real shortcut (summarize-page) on the tab grants it.
    await grantActiveTab(mm, display(), tabId, TITLE);
    const worker = await currentWorker(mm.b.context);
    await waitFor("the shortcut's summary request", () => chatRequests(mm.sim.log).length > 0 || null, 30_000);
    // The real side panel answered the shortcut. Closed, so that the panel below is the one bound to the tab.
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { sidePanel: { setOptions(o: object): Promise<void> } } }).chrome;
      await c.sidePanel.setOptions({ enabled: false });
    });
    await waitFor('the real side panel to close', async () => {
      const c = (await worker.evaluate(
        async () =>
          await (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome.runtime.getContexts({
            contextTypes: ['SIDE_PANEL'],
          }),
      )) as unknown[];
      return c.length === 0 || null;
    });
    const panel = await mm.open(`${mm.b.origin}/sidepanel.html?tabId=${tabId}`);
    await activate(mm, tabId);
    // An answer is streaming when the image is asked about: it waits until Stop.
    mm.sim.script({ content: 'The page shows a picture of', pause: { afterChunk: 1, ms: 600_000 } });
    await ask(panel.ui, QUESTION);
    await waitForTurn(panel.ui, QUESTION, ['streaming']);
    // The turn streams in the panel before its request reaches the simulator: count from the request on.
    await waitFor('the question at the simulator', () => chatRequests(mm.sim.log).some((r) => JSON.stringify(r.json).includes(QUESTION)) || null);
    const before = chatRequests(mm.sim.log).length;
    const css = await tab.ui.evaluate(() => {
      const r = document.getElementById('picture')!.getBoundingClientRect();
      return { width: r.width, height: r.height, dpr: devicePixelRatio };
    }, null);
    await clickMenu(mm, tabId, { menuItemId: 'ask-image', pageUrl: url, mediaType: 'image', srcUrl: src, frameId: 0 });
    // One answer at a time: the image's question waits for the answer streaming, and the panel says so; Stop lets it go.
    const held = await waitFor('the panel to say the request waits', () =>
      panel.ui.evaluate(() => document.querySelector('.action-held')?.textContent || null, null),
    );
    assert.equal(held, msg('actionsHeld'));
    assert.equal(chatRequests(mm.sim.log).length, before, 'nothing more is sent while the answer streams');
    await panel.ui.click(msg('panelStop'));
    const req = await waitFor(
      'a chat request with the image',
      () =>
        chatRequests(mm.sim.log)
          .slice(before)
          .find((r) => imagePart(r)),
      30_000,
    );
    const size = pngSize(imagePart(req)!.image_url!.url);
    const want = { width: Math.round(css.width * css.dpr), height: Math.round(css.height * css.dpr) };
    assert.ok(
      Math.abs(size.width - want.width) <= 2 && Math.abs(size.height - want.height) <= 2,
      `the image part is ${size.width}×${size.height}, the image on screen ${want.width}×${want.height}`,
    );
    assert.equal((req.json as { model: string }).model, 'moonshot-v1-128k-vision-preview');
    await waitFor('the held note gone', () => panel.ui.evaluate(() => !document.querySelector('.action-held') || null, null));
  });
});

imageSuite('chromium');
imageSuite('firefox');
