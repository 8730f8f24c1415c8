// A user's own image action with its own model, in headed Chromium under Xvfb (activeTab from a real key press):
// the question goes with the action's model, a model that sees images, though the saved default can't; and the
// image menu item clicked while the shortcut's summary still streams waits its turn instead of being dropped.
// Run: npx tsx --test --test-reporter=spec tests/e2e/image-action-model.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickMenu } from './lib/menu-click';
import { grantActiveTab, loadedPicture, useHeadedMoonlit } from './lib/active-tab';
import { chatRequests, messagesText } from './lib/log-checks';
import { waitFor } from './lib/ui-driver';

const TITLE = 'A picture from another origin';
const ACTION = { id: 'user-describe-picture', hidden: false, name: 'Describe the picture', prompt: 'Name every colour in the picture.', contexts: ['image'] };

const hasImage = (r: { json?: unknown }) => {
  const last = (r.json as { messages?: { content?: unknown }[] })?.messages?.at(-1)?.content;
  return Array.isArray(last) && last.some((p: { type?: string }) => p.type === 'image_url');
};

describe('an image action with its own model, in headed Chromium under Xvfb', () => {
  const { m, ready, display } = useHeadedMoonlit();

  it("goes with the action's model (one that sees images) though the saved default is text-only", { timeout: 120_000 }, async (t) => {
    if (!ready(t)) return;
    const mm = m();
    mm.sim.setDefault({ content: 'Red, green, blue and yellow.' });
    await mm.helper.evaluate(
      async ([model, action]: [string, object]) => {
        const local = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } };
          }
        ).chrome.storage.local;
        const { settings } = await local.get('settings');
        await local.set({ settings: { ...settings, model }, actions: { list: [action] } });
      },
      ['moonshot-v1-8k', { ...ACTION, model: 'kimi-k2.6' }] as [string, object],
    );
    const url = mm.site.url('image.html');
    const tab = await mm.open(url);
    const tabId = await mm.tabIdOf(url);
    const src = await loadedPicture(tab.ui);
    await grantActiveTab(mm, display(), tabId, TITLE);
    await waitFor("the shortcut's summary request", () => chatRequests(mm.sim.log).length > 0 || null, 30_000);
    const before = chatRequests(mm.sim.log).length;
    await clickMenu(mm, tabId, { menuItemId: ACTION.id, pageUrl: url, mediaType: 'image', srcUrl: src, frameId: 0 });
    const req = await waitFor('a chat request with the image', () => chatRequests(mm.sim.log).slice(before).find(hasImage), 30_000);
    assert.equal((req.json as { model: string }).model, 'kimi-k2.6', "the action's own model");
    assert.match(messagesText(req), /Name every colour in the picture\./, "the action's prompt is the question");
    assert.equal((chatRequests(mm.sim.log)[0].json as { model: string }).model, 'moonshot-v1-8k', 'the summary went to the saved default');
  });
});
