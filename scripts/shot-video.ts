// The README's video screenshot: the panel beside a fixture YouTube watch page served under its real host name
// (tests/e2e/lib/video-site.ts; the shot browser gets its host rules), with the video card and a summary whose
// timestamps are buttons, one of them hovered to show what is said there.
import type { startSimulator } from '../tests/simulator/server.ts';
import { YT } from '../tests/e2e/lib/video-fixtures.ts';
import { ui, type ShotBrowser } from './shot-browser.ts';

const SUMMARY = {
  en: `**In one sentence:** a winter hive lives through the cold by clustering, shivering and eating what it stored in autumn [0:00].

## Intro
- The hive is opened for only thirty seconds [0:20].

## The cluster
- The bees pack into a ball around the queen [1:00].
- Shivering holds the core at 35 °C [2:00].

## Feeding in January
- Fondant goes on the top bars when the stores run low [3:05].
`,
  'zh-CN': `**一句话总结**：冬天的蜂群靠抱团、振翅产热和秋天储存的食物熬过寒冷 [0:00]。

## 开场
- 蜂箱只打开三十秒 [0:20]。

## 蜂团
- 蜜蜂围着蜂王挤成一团 [1:00]。
- 振翅让中心保持 35 °C [2:00]。

## 一月喂食
- 储蜜不足时，把糖饼放在框梁上 [3:05]。
`,
};

export async function shootVideo(shot: ShotBrowser, lang: 'en' | 'zh-CN', sim: Awaited<ReturnType<typeof startSimulator>>) {
  const v = YT.winter;
  const page = await shot.ctx.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${v.id}`);
  const tabId = await shot.articleTab('https://www.youtube.com/');
  sim.setDefault({ content: SUMMARY[lang], chunkDelayMs: 1 });
  const panel = await shot.ctx.newPage();
  await panel.goto(`chrome-extension://${shot.id}/sidepanel.html?tabId=${tabId}`);
  await panel.locator('.video-card').waitFor();
  await panel.getByRole('button', { name: ui(lang, 'videoSummarize'), exact: true }).click();
  await panel.waitForSelector('[data-role=answer][data-status=done]', { timeout: 15_000 });
  // Hovering [2:00] shows the transcript line there.
  await panel.locator('button.md-moment[data-seconds="120"]').hover();
  await panel.locator('.moment-preview').waitFor();
  await panel.screenshot({ path: `docs/screenshot-video-${lang}.png` });
  await panel.close();
  await page.close();
}
