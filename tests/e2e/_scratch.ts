import { launchChrome } from './lib/launch-chrome';
import { startFixtureServer } from './lib/fixture-server';
import { startSimulator } from '../simulator/server';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { openRaw } from './lib/chrome-pages';
import { ask, waitForAnswerStatus } from './lib/answers';
import { HOSTILE_PAYLOADS } from '../unit/markdown/payloads';
const sim = await startSimulator({ keys: [SECRET_KEY] });
const b = await launchChrome();
const site = await startFixtureServer();
try {
  await configure(b, sim);
  const url = site.url('article.html');
  await openRaw(b.context, url);
  const tabId = await b.tabIdOf(url);
  const p = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
  p.page.on('console', (m) => console.log('console:', m.type(), m.text()));
  p.page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await new Promise((r) => setTimeout(r, 1500));
  const groups = [HOSTILE_PAYLOADS.slice(60, 72), ...HOSTILE_PAYLOADS.slice(60, 72).map((x) => [x])];
  for (const [i, g] of groups.entries()) {
    sim.script({ content: g.join('\n\n'), chunkSize: 37, chunkDelayMs: 1 });
    await ask(p.ui, 'G' + i);
    const s = await waitForAnswerStatus(p.ui, i, ['done', 'error', 'stopped']);
    const html = await p.page.evaluate((n) => document.querySelectorAll('[data-role="answer"]')[n].innerHTML, i);
    console.log(i, s.status, JSON.stringify(s.text.slice(0, 100)), html.slice(0, 300));
  }
} finally { await b.close(); await site.close(); await sim.close(); }
