// npm run bench:first-token — Moonlit's own overhead to the first answer token, in real Chromium with the
// e2e build against the simulator, on a generated ~100 KB article page:
//   (click on "Send" → first token painted) − the simulator's time to first byte, extraction included;
//   (context-menu "Summarize this page" dispatched in the worker → first token painted) − the same;
//   and the last token → final paint. Baseline in the same run: the same request fetched bare from the
//   panel page (first chunk into the DOM, next frame). Also asserts ONE API request per question.
// Clicks land at a random point of the frame, as a person's do, and nothing polls the panel while it is
// measured. The question is typed key by key (TYPE_DELAY_MS apart, over a second: nothing the worker got
// ready at the first keystroke may rely on the click coming soon); typing starts the worker's page check,
// whose answer it keeps while the page says nothing changed. "Send" is a robot's click (press and release together); "Send, 80 ms press" holds the button as
// a person does (the time still starts at the click). "Send, page changed": a paragraph is added to the
// page after the question was typed, so the page is read again after the click.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSimulator, DEFAULT_KEY, type Simulator, type RecordedRequest } from '../../tests/simulator/server';
import { articleHtml } from './lib/article';
import { startPageServer } from './lib/page-server';
import { launchMoonlit, openPanel, openTab, type BenchBrowser } from './lib/moonlit-chrome';
import { BARE_FETCH_SOURCE, WORKER_PROBE_SOURCE } from './lib/panel-probe';
import { summarize, ratio, fmtMs } from './lib/stats';
import { log, runs, writeResults } from './lib/cli';

const RUNS = runs(50);
const WARMUP = 2;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;
/** Between keystrokes: quick typing, which still takes over a second for the question. */
const TYPE_DELAY_MS = 20;
/** How long a person holds the mouse button in a click (typically 60–120 ms). */
const PRESS_MS = 80;
const TITLE = 'Tides of the Northern Harbour';
const QUESTION = 'What did the lighthouse keeper record about the spring tides?';
// A short answer; the pause after the first delta keeps the first paint to the first token alone.
const ANSWER = 'The keeper logged **every spring tide** by hand.\n\n- Heights in metres\n- Times to the minute\n\nNobody has disputed them since.';
const BEHAVIOUR = { content: ANSWER, chunkSize: 12, chunkDelayMs: 0, firstByteDelayMs: 0, pause: { afterChunk: 1, ms: 40 } };

interface Probe {
  clickAt: number | null;
  extractAt: number | null;
  extractedAt: number | null;
  askAt: number;
  firstDeltaAt: number;
  lastDeltaAt: number;
  doneMsgAt: number;
  deltas: number;
  firstMutAt: number;
  firstPaintAt: number;
  doneMutAt: number;
  donePaintAt: number;
  status: string;
  finalText: string;
}

const chats = (log: RecordedRequest[]) => log.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
const simTtfb = (r: RecordedRequest) => (r.firstByteAt ?? NaN) - r.receivedAt;

async function answerCount(panel: Page): Promise<number> {
  return panel.evaluate(() => document.querySelectorAll('[data-role="answer"]').length);
}

async function newChat(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'New chat', exact: true }).click({ timeout: 10_000 });
  await panel.waitForFunction(() => document.querySelectorAll('[data-role="answer"]').length === 0, null, { timeout: 10_000 });
}

async function waitResult(panel: Page): Promise<Probe> {
  // A promise in the page rather than polling: a poll every few milliseconds would be work on the panel's main
  // thread (and the browser's) inside the very window being measured, which the bare-fetch baseline does not have.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no painted answer within 30 s')), 30_000);
  });
  try {
    const waited = panel.evaluate(() => (globalThis as unknown as { __bench: { wait(): Promise<unknown> } }).__bench.wait());
    const result = (await Promise.race([waited, timeout])) as Probe | null;
    assert.ok(result, 'the probe was not armed');
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** One measured question; `start` performs the action and returns its start time on the wall clock (or null = the click). */
async function measure(sim: Simulator, panel: Page, worker: BenchBrowser['session']['worker'], button: string, start: () => Promise<number | null>) {
  await newChat(panel);
  await worker.evaluate(WORKER_PROBE_SOURCE);
  const index = await answerCount(panel);
  await panel.evaluate(([i, b]) => (globalThis as unknown as { __bench: { arm(i: number, b: string): void } }).__bench.arm(i, b), [index, button] as const);
  const before = sim.log.length;
  const startWall = await start();
  const p = await waitResult(panel);
  const w = (await worker.evaluate('globalThis.__benchW')) as Record<
    'askArrivedAt' | 'fetchAt' | 'responseAt' | 'injectAt' | 'injectedAt' | 'deltaPostAt',
    number
  >;
  const during = sim.log.slice(before);
  assert.equal(p.status, 'done', `the answer ended as ${p.status}`);
  assert.ok(p.finalText.includes('Nobody has disputed them since.'), `unexpected answer text: ${p.finalText.slice(0, 200)}`);
  const chat = chats(during);
  assert.equal(chat.length, 1, `expected one chat request, got ${chat.length}`);
  const origin = await panel.evaluate(() => performance.timeOrigin);
  const startPage = startWall === null ? p.clickAt! : startWall - origin;
  assert.ok(Number.isFinite(startPage), 'the start of the run was not seen');
  const ttfb = simTtfb(chat[0]);
  const total = p.firstPaintAt - startPage;
  const wall = (t: number) => origin + t;
  return {
    // Where the time goes, in order (Node and browser wall clocks agree to about a millisecond).
    stages: {
      // Click → the question posted on the port: with the page held, the panel posts it at once (the worker checks
      // the tab and has the text); otherwise the panel's extraction round trip comes first (panelExtraction).
      startToAskPosted: p.askAt - startPage,
      panelExtraction: p.extractAt == null || p.extractedAt == null ? NaN : p.extractedAt - p.extractAt,
      // The page reader's executeScript, whichever side asked for it (inside workerBeforeFetch on the quick path).
      readerInjected: w.injectedAt - w.injectAt,
      askOnThePort: w.askArrivedAt - wall(p.askAt),
      workerBeforeFetch: w.fetchAt - w.askArrivedAt,
      fetchToRequestReceived: chat[0].receivedAt - w.fetchAt,
      simulatorTtfb: ttfb,
      firstByteToDelta: wall(p.firstDeltaAt) - chat[0].firstByteAt!,
      firstByteToWorkerHeaders: w.responseAt - chat[0].firstByteAt!,
      workerHeadersToDeltaPosted: w.deltaPostAt - w.responseAt,
      deltaPostedToPanel: wall(p.firstDeltaAt) - w.deltaPostAt,
      deltaToDom: p.firstMutAt - p.firstDeltaAt,
      deltaToPaint: p.firstPaintAt - p.firstDeltaAt,
    },
    quick: p.extractAt == null,
    requests: during.length,
    paths: during.map((r) => `${r.method} ${r.path}`),
    total,
    simTtfb: ttfb,
    overhead: total - ttfb,
    toDom: p.firstMutAt - startPage - ttfb,
    deltaToPaint: p.firstPaintAt - p.firstDeltaAt,
    lastTokenToFinalPaint: p.donePaintAt - p.lastDeltaAt,
    lastTokenToDoneMsg: p.doneMsgAt - p.lastDeltaAt,
    body: chat[0].body,
  };
}

async function bareFetch(sim: Simulator, panel: Page, body: string) {
  const before = sim.log.length;
  const r = (await panel.evaluate(`(${BARE_FETCH_SOURCE})(${JSON.stringify({ url: `${sim.baseUrl}/chat/completions`, key: DEFAULT_KEY, body })})`)) as {
    t0: number;
    firstAt: number;
    firstPaint: number;
    lastAt: number;
    finalPaint: number;
    chars: number;
  };
  const chat = chats(sim.log.slice(before));
  assert.equal(chat.length, 1, 'the bare fetch should make one request');
  assert.equal(r.chars, ANSWER.length, 'the bare fetch should read the whole answer');
  const ttfb = simTtfb(chat[0]);
  return { total: r.firstPaint - r.t0, simTtfb: ttfb, overhead: r.firstPaint - r.t0 - ttfb, lastTokenToFinalPaint: r.finalPaint - r.lastAt };
}

async function dispatchSummarize(b: BenchBrowser, tabId: number): Promise<number> {
  // A string, not a function: tsx's helpers do not exist in the worker.
  return (await b.session.worker.evaluate(`(async () => {
    const tab = await chrome.tabs.get(${tabId});
    const t0 = performance.timeOrigin + performance.now();
    chrome.contextMenus.onClicked.dispatch({ menuItemId: 'summarize-page', editable: false, pageUrl: tab.url }, tab);
    return t0;
  })()`)) as number;
}

export async function main() {
  const sim = await startSimulator();
  const html = articleHtml(100 * 1024, { title: TITLE });
  const site = await startPageServer({ '/article.html': html });
  let b: BenchBrowser | undefined;
  try {
    b = await launchMoonlit(sim);
    log(`first-token: ${b.version}, model ${b.model}, ${RUNS} runs (+${WARMUP} warm-up) each`);
    const { tabId, page: article } = await openTab(b, site.url('/article.html'));
    const panel = await openPanel(b, tabId, TITLE);
    sim.setDefault(BEHAVIOUR);

    const sendButton = panel.getByRole('button', { name: 'Send', exact: true });
    const questionBox = panel.getByRole('textbox', { name: 'Ask about this page', exact: true });
    const type = async () => {
      await questionBox.fill('');
      await questionBox.pressSequentially(QUESTION, { delay: TYPE_DELAY_MS });
    };
    const send = async (afterTyping?: () => Promise<unknown>) => {
      await type();
      await afterTyping?.();
      // Not locator.click(): its actionability checks wait for animation frames, so every click would land at the same
      // point of the frame, and the paint (the next frame after the first token) would be sampled at one phase only.
      // A person's click falls anywhere in the frame: press at a random moment, as the mouse does.
      const box = await sendButton.boundingBox({ timeout: 10_000 });
      assert.ok(box, 'the Send button is not visible');
      await new Promise((r) => setTimeout(r, Math.random() * FRAME_MS));
      await panel.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return null;
    };
    // The same, as a person clicks: the button held down for a moment (the panel starts checking the page at the press).
    const pressSend = async () => {
      await type();
      const box = await sendButton.boundingBox({ timeout: 10_000 });
      assert.ok(box, 'the Send button is not visible');
      await panel.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await new Promise((r) => setTimeout(r, Math.random() * FRAME_MS));
      await panel.mouse.down();
      await new Promise((r) => setTimeout(r, PRESS_MS));
      await panel.mouse.up();
      return null;
    };
    // Honesty checks: the request must carry the page as it is at the click. Before each Send a
    // different paragraph is selected (the request must quote it); between typing and clicking each
    // "changed" Send a paragraph is added to the article (the request must contain it, so it was read again).
    const selectParagraph = (i: number) =>
      article.evaluate((n) => {
        const ps = document.querySelectorAll('article p');
        const range = document.createRange();
        range.selectNodeContents(ps[1 + (n % (ps.length - 1))]);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString().trim();
      }, i + WARMUP);
    const addParagraph = (i: number) =>
      article.evaluate((n) => {
        const p = document.createElement('p');
        p.textContent = `Harbour log addendum ${n}: the pilot boat was repainted before the autumn gales.`;
        document.querySelector('article')!.append(p);
        return p.textContent;
      }, i + WARMUP);
    const lastUser = (body: string) => (JSON.parse(body) as { messages: { role: string; content: string }[] }).messages.at(-1)!.content;
    type Measured = Awaited<ReturnType<typeof measure>>;
    const sendRuns: Measured[] = [];
    const changedRuns: Measured[] = [];
    const menuRuns: Measured[] = [];
    const pressRuns: Measured[] = [];
    const bareRuns: Awaited<ReturnType<typeof bareFetch>>[] = [];
    let body = '';
    // Interleaved, so drift on a noisy machine affects them all alike.
    for (let i = -WARMUP; i < RUNS; i++) {
      const selected = await selectParagraph(i);
      const s = await measure(sim, panel, b.session.worker, 'Send', send);
      assert.ok(lastUser(s.body).includes(selected), `Send: the request does not quote the current selection "${selected.slice(0, 60)}…"`);
      const m = await measure(sim, panel, b.session.worker, '', () => dispatchSummarize(b!, tabId));
      let added = '';
      const c = await measure(sim, panel, b.session.worker, 'Send', () => send(async () => (added = await addParagraph(i))));
      assert.ok(c.body.includes(added), 'Send after a change: the request does not contain the paragraph just added to the page');
      const pressSelected = await selectParagraph(i + 1);
      const p = await measure(sim, panel, b.session.worker, 'Send', pressSend);
      assert.ok(lastUser(p.body).includes(pressSelected), `Send (pressed): the request does not quote the current selection "${pressSelected.slice(0, 60)}…"`);
      body = s.body;
      const f = await bareFetch(sim, panel, body);
      if (i < 0) continue;
      sendRuns.push(s);
      menuRuns.push(m);
      changedRuns.push(c);
      pressRuns.push(p);
      bareRuns.push(f);
      log(
        `  run ${i + 1}: send ${s.overhead.toFixed(1)} ms, menu ${m.overhead.toFixed(1)} ms, changed page ${c.overhead.toFixed(1)} ms, bare ${f.overhead.toFixed(1)} ms, pressed ${p.overhead.toFixed(1)} ms; send stages ${JSON.stringify(s.stages, (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`,
      );
    }
    const requestBytes = Buffer.byteLength(body);
    const pick = (xs: { [k: string]: unknown }[], k: string) => summarize(xs.map((x) => x[k] as number));
    const bare = pick(bareRuns, 'overhead');
    const bareLast = pick(bareRuns, 'lastTokenToFinalPaint');
    const figure = (xs: typeof sendRuns) => {
      const overhead = pick(xs, 'overhead');
      const last = pick(xs, 'lastTokenToFinalPaint');
      return {
        overhead,
        ratioToBaseline: ratio(overhead.median, bare.median),
        overheadToDomCommit: pick(xs, 'toDom'),
        total: pick(xs, 'total'),
        simulatorTtfb: pick(xs, 'simTtfb'),
        deltaArrivalToPaint: pick(xs, 'deltaToPaint'),
        lastTokenToFinalPaint: last,
        lastTokenRatioToBaseline: ratio(last.median, bareLast.median),
        // A stage that did not happen in a run (no panel extraction on the quick path) is left out of its figure.
        stages: Object.fromEntries(
          Object.keys(xs[0].stages as object)
            .map((k) => [k, xs.map((x) => (x.stages as Record<string, number>)[k]).filter(Number.isFinite)] as const)
            .filter(([, v]) => v.length > 0)
            .map(([k, v]) => [k, summarize(v)]),
        ),
        // Questions the panel sent at once (the page it held, checked by the worker) rather than after reading the tab.
        quickPathRuns: xs.filter((x) => x.quick).length,
        apiRequestsPerQuestion: [...new Set(xs.map((x) => x.requests as number))],
        requestPaths: [...new Set(xs.flatMap((x) => x.paths as string[]))],
      };
    };
    const results = {
      browser: b.version,
      model: b.model,
      runs: RUNS,
      pageBytes: html.length,
      requestBytes,
      targetMedianMs: 25,
      send: figure(sendRuns),
      contextMenuSummarize: figure(menuRuns),
      sendPressed: {
        what: `Send clicked as a person clicks: the button held ${PRESS_MS} ms (the timing still starts at the click, on release)`,
        ...figure(pressRuns),
      },
      sendAfterPageChanged: {
        what: 'Send with a paragraph added to the page after the question was typed, so the page is read in full again after the click (the request is checked to contain it)',
        ...figure(changedRuns),
      },
      baseline: {
        what: 'bare fetch of the same request from the panel page, first chunk into the DOM, next frame',
        overhead: bare,
        total: pick(bareRuns, 'total'),
        lastTokenToFinalPaint: bareLast,
      },
    };
    for (const [name, f] of [
      ['Send', results.send],
      ['Summarize (menu)', results.contextMenuSummarize],
      [`Send, ${PRESS_MS} ms press`, results.sendPressed],
      ['Send, page changed', results.sendAfterPageChanged],
    ] as const) {
      log(
        `${name}: overhead ${fmtMs(f.overhead)}, ×${f.ratioToBaseline} baseline; last token → final paint ${fmtMs(f.lastTokenToFinalPaint)}; API requests per question ${f.apiRequestsPerQuestion.join(',')}`,
      );
      assert.deepEqual(f.apiRequestsPerQuestion, [1], `${name}: exactly one API request should reach the simulator per question`);
    }
    log(`baseline: ${fmtMs(bare)}; last chunk → final paint ${fmtMs(bareLast)}`);
    writeResults('first-token', results);
    return results;
  } finally {
    await b?.close();
    await site.close();
    await sim.close();
  }
}

await main();
