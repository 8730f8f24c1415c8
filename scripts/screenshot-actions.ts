// The README's picture of the slash list: the real panel of the e2e build, a user action saved, "/" typed in
// the ask box. Run: npx tsx scripts/screenshot-actions.ts (after `npm run build:e2e`). Writes docs/screenshot-actions-slash.png.
import { launchShotBrowser, serveArticle } from './shot-browser.ts';

const article = await serveArticle();
const { ctx, sw, id, articleTab, close } = await launchShotBrowser({ lang: 'en', viewport: { width: 400, height: 640 } });
try {
  await sw.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      actions: {
        list: [{ id: 'user-haiku', hidden: false, name: 'Haiku about the selection', prompt: 'Write a haiku about {{selection}}.', contexts: ['selection'] }],
      },
    }),
  );
  await (await ctx.newPage()).goto(article.url);
  const panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${await articleTab()}`);
  await panel.locator('textarea').fill('/');
  await panel.waitForSelector('[role=listbox] [role=option][aria-selected=true]');
  await panel.locator('textarea').press('ArrowDown');
  await panel.screenshot({ path: 'docs/screenshot-actions-slash.png' });
  console.log('docs/screenshot-actions-slash.png written');
} finally {
  await close();
  article.close();
}
