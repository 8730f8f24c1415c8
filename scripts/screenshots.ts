// Takes the README's screenshots of the real panel and options page, in light
// and dark, English and Chinese, against the simulator; in light, also the tab picker over two added tabs' chips
// and an answer about a video (a fixture YouTube page under its real host name, tests/e2e/lib/video-site.ts).
// Run: npx tsx scripts/screenshots.ts (after `npm run build:e2e`). Writes docs/screenshot-*.png.
import type { Page } from 'playwright-core';
import { startSimulator, DEFAULT_KEY } from '../tests/simulator/server.ts';
import { launchShotBrowser, serveArticle, ui, type ShotBrowser } from './shot-browser.ts';
import { shootVideo } from './shot-video.ts';
import { startVideoSite } from '../tests/e2e/lib/video-site.ts';

const ANSWER = `## In short
The article follows a **rooftop garden** through one growing season and what it costs to keep it.

- Water is the largest expense: about *40 %* of the yearly budget.
- Tomatoes did best; lettuce bolted in July.
- The soil is replaced every third year.

| Crop | Yield |
|---|---|
| Tomatoes | 31 kg |
| Beans | 12 kg |

\`\`\`python
print("watering schedule")
\`\`\`
`;

/**
 * Several tabs in one question: three more tabs in the article's window, two of them added with "Add tabs" (their
 * chips in the bar), then the picker open again, listing the rest (the panel's own page disabled, with why).
 */
async function shootTabs(shot: ShotBrowser, lang: 'en' | 'zh-CN', articleUrl: string, tabId: number) {
  const urls = ['alpha', 'beta', 'gamma'].map((n) => new URL(`tabs/${n}.html`, articleUrl).href);
  await shot.sw.evaluate(
    async ([id, list]) => {
      const tabs = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ windowId: number }>; create(o: object): Promise<unknown> } } })
        .chrome.tabs;
      const { windowId } = await tabs.get(id);
      for (const url of list) await tabs.create({ windowId, url, active: false });
    },
    [tabId, urls] as const,
  );
  const panel = await shot.ctx.newPage();
  await panel.goto(`chrome-extension://${shot.id}/sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('button', { name: ui(lang, 'panelNewChat'), exact: true }).click();
  const add = panel.getByRole('button', { name: ui(lang, 'tabsAdd'), exact: true });
  await add.click();
  for (const title of ['The Alpha Orchard Notes', 'The Beta Orchard Notes']) await panel.getByRole('checkbox', { name: title, exact: true }).check();
  await panel.getByRole('button', { name: ui(lang, 'tabsAddPicked'), exact: true }).click();
  await panel.waitForFunction(() => document.querySelectorAll('.source-chip').length === 3 && !document.querySelector('.tab-picker'));
  await add.click();
  await panel.getByRole('checkbox', { name: 'The Gamma Orchard Notes', exact: true }).waitFor();
  await panel.screenshot({ path: `docs/screenshot-tabs-${lang}.png` });
  await panel.close();
}

/** The panel's Model control with a thinking model chosen, and the cost lines under the ask box. */
async function shootModelControl(panel: Page) {
  await panel.getByRole('combobox', { name: 'Model' }).selectOption('kimi-k2.6');
  await panel.waitForSelector('.model-control input[type=checkbox]');
  const top = (await panel.locator('.model-control').boundingBox())!;
  const bottom = (await panel.locator('.ask-box').boundingBox())!;
  await panel.screenshot({ path: `docs/screenshot-model-control-en.png`, clip: { x: 0, y: top.y, width: 400, height: bottom.y + bottom.height - top.y } });
}

async function shoot(lang: 'en' | 'zh-CN', scheme: 'light' | 'dark', articleUrl: string, sim: Awaited<ReturnType<typeof startSimulator>>, hostArgs: string[]) {
  const simUrl = sim.url;
  const shot = await launchShotBrowser({ lang, viewport: { width: 400, height: 760 }, colorScheme: scheme, args: hostArgs });
  const { ctx, id, articleTab, close } = shot;
  try {
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.locator('#api-key').fill(DEFAULT_KEY);
    await options.locator('#platform').selectOption('custom');
    await options.locator('#endpoint').fill(simUrl);
    await options.locator('.actions button').first().click();
    await options.waitForSelector('.status.ok', { timeout: 10_000 });
    await options.locator('form[aria-busy] button[type=submit]').click();
    await options.waitForTimeout(300);
    if (scheme === 'light') await options.screenshot({ path: `docs/screenshot-options-${lang}.png` });
    const article = await ctx.newPage();
    await article.goto(articleUrl);
    const tabId = await articleTab();
    sim.setDefault({ content: lang === 'en' ? ANSWER : ANSWER_ZH, chunkDelayMs: 1 });
    const panel: Page = await ctx.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('textarea').fill(lang === 'en' ? 'What does the garden cost to run?' : '维护这个花园要花多少钱？');
    await panel.locator('.ask-actions button').click();
    await panel.waitForSelector('[data-role=answer][data-status=done]', { timeout: 15_000 });
    await panel.screenshot({ path: `docs/screenshot-panel-${scheme}-${lang}.png` });
    // English only: the machine that takes them may lack a CJK font for a close-up.
    if (scheme === 'light' && lang === 'en') await shootModelControl(panel);
    if (scheme === 'light') await shootTabs(shot, lang, articleUrl, tabId);
    if (scheme === 'light') await shootVideo(shot, lang, sim);
  } finally {
    await close();
  }
}

const ANSWER_ZH = `## 简而言之
文章记录了一个**屋顶花园**一整个生长季的情况，以及维护它的花费。

- 浇水是最大的开销：约占全年预算的 *40%*。
- 番茄长得最好；生菜在七月抽薹。
- 土壤每三年更换一次。

| 作物 | 产量 |
|---|---|
| 番茄 | 31 公斤 |
| 豆类 | 12 公斤 |
`;
const sim = await startSimulator();
const article = await serveArticle();
const videoSite = await startVideoSite();
try {
  for (const lang of ['en', 'zh-CN'] as const)
    for (const scheme of ['light', 'dark'] as const) await shoot(lang, scheme, article.url, sim, videoSite.chromeArgs);
  console.log('screenshots written to docs/');
} finally {
  article.close();
  await videoSite.close();
  await sim.close();
}
