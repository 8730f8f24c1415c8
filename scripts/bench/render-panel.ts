// The real-panel half of `npm run bench:render` (started by render.mjs): the e2e build in Chromium, a panel
// bound to an article tab (sidepanel.html?tabId=N), and the simulator streaming the 48 KiB Markdown answer in
// 40-character deltas. Prints one line `RESULT {json}` with the main-thread numbers of the panel's renderer.
import { startSimulator } from '../../tests/simulator/server';
import { answerCount, waitForAnswerStatus } from '../../tests/e2e/lib/answers';
import { openRaw } from '../../tests/e2e/lib/chrome-pages';
import { ARTICLE_TITLE, startFixtureServer } from '../../tests/e2e/lib/fixture-server';
import { launchChrome } from '../../tests/e2e/lib/launch-chrome';
import { configure, SECRET_KEY } from '../../tests/e2e/lib/moonlit-setup';
import { waitForPanelPage } from '../../tests/e2e/lib/panel-flow';
import { sampleAnswer } from '../../tests/unit/markdown/sample-answer';
// @ts-expect-error plain .mjs shared with render.mjs
import { analyse, TRACE_CATEGORIES } from './render-trace.mjs';

const BYTES = 48 * 1024;
const DELTA = 40;
const GAP_MS = Number(process.env.BENCH_PANEL_GAP_MS ?? 4);

function answer(bytes: number): string {
  let n = 1;
  while (sampleAnswer(n).length < bytes) n++;
  return sampleAnswer(n).slice(0, bytes);
}

const sim = await startSimulator({ keys: [SECRET_KEY] });
const site = await startFixtureServer();
const b = await launchChrome({ extension: process.env.MOONLIT_BENCH_E2E_BUILD || undefined });
try {
  await configure(b, sim);
  const url = site.url('article.html');
  await openRaw(b.context, url);
  const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${await b.tabIdOf(url)}`);
  await waitForPanelPage(panel.ui, ARTICLE_TITLE);
  await panel.page.bringToFront();
  const text = answer(BYTES);

  // A fresh panel by default, as a user's first long answer: KaTeX's chunk loads during the stream.
  // BENCH_PANEL_WARM=1 first streams a short answer with math, so that one-off cost is left out.
  const warm = process.env.BENCH_PANEL_WARM ? 'warm' : 'cold';
  if (warm === 'warm') {
    sim.script({ content: 'Warm-up $x^2$.', chunkSize: 40, chunkDelayMs: 1 });
    await panel.ui.fill('Ask about this page', 'Warm up');
    await panel.ui.click('Send');
    await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped']);
  }

  const cdp = await b.context.newCDPSession(panel.page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (p: { value: unknown[] }) => void events.push(...p.value));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  const index = await answerCount(panel.ui);
  sim.script({ content: text, chunkSize: DELTA, chunkDelayMs: GAP_MS });
  await panel.ui.fill('Ask about this page', 'Write the long answer');
  const profile = !!process.env.BENCH_PANEL_PROFILE;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
  await panel.ui.click('Send');
  const final = await waitForAnswerStatus(panel.ui, index, ['done', 'error', 'stopped'], 180_000);
  // Let the final flush and any frame after it land in the trace.
  await panel.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  await cdp.send('Tracing.end');
  await complete;
  if (profile) printHotspots((await cdp.send('Profiler.stop')).profile as CpuProfile, events as TraceEvent[]);
  const dom = await panel.page.evaluate((i: number) => {
    const el = document.querySelectorAll('[data-role="answer"]')[i];
    return { math: el?.querySelectorAll('math').length ?? 0, copy: el?.querySelectorAll('button.md-copy').length ?? 0, chars: el?.textContent?.length ?? 0 };
  }, index);
  const stats = analyse(events, 'sidepanel.html');
  console.log(
    `RESULT ${JSON.stringify({ status: final.status, length: text.length, deltas: Math.ceil(text.length / DELTA), gapMs: GAP_MS, warm, ...dom, ...stats })}`,
  );
} finally {
  await b.close();
  await site.close();
  await sim.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
type TraceEvent = { name: string; ph: string; ts: number; dur: number; pid: number; tid: number };

/** Self time by function and by the chain of our own frames, inside the three longest panel tasks (diagnosis only). */
function printHotspots(p: CpuProfile, trace: TraceEvent[]): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber}`;
  };
  const stats = analyseWindows(trace);
  for (const [from, to] of stats) {
    const self = new Map<string, number>();
    const chains = new Map<string, number>();
    let t = p.startTime;
    p.samples.forEach((id, i) => {
      t += p.timeDeltas[i];
      if (t < from || t > to) return;
      self.set(name(id), (self.get(name(id)) ?? 0) + p.timeDeltas[i] / 1000);
      const chain: string[] = [];
      for (let cur: number | undefined = id; cur !== undefined && chain.length < 8; cur = parent.get(cur)) {
        const f = byId.get(cur)!.callFrame;
        if (f.url.includes('chrome-extension://')) chain.push(name(cur));
      }
      const key = chain.slice(0, 4).join(' < ');
      chains.set(key, (chains.get(key) ?? 0) + p.timeDeltas[i] / 1000);
    });
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `   ${v.toFixed(1)} ms ${k}`)
        .join('\n');
    console.log(`task ${((to - from) / 1000).toFixed(1)} ms — self time:\n${top(self)}\n  our frames:\n${top(chains)}`);
  }
}

function analyseWindows(trace: TraceEvent[]): [number, number][] {
  const tasks = trace.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const started = trace.find((e) => e.name === 'TracingStartedInBrowser') as unknown as {
    args?: { data?: { frames?: { url?: string; processId?: number }[] } };
  };
  const pid = started?.args?.data?.frames?.find((f) => String(f.url).includes('sidepanel.html'))?.processId;
  const mine = tasks
    .filter((e) => e.pid === pid)
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 3);
  return mine.map((e) => [e.ts, e.ts + e.dur]);
}
