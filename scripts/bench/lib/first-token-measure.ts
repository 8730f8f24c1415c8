// One measured question in the real panel, the way bench:first-token and bench:tabs both time it: the start is
// the click on "Send" (or a worker-side dispatch), the end the next animation frame after the first answer token is
// in the DOM; the simulator's own time to first byte is taken out. Also the bare-fetch baseline and the summary.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEFAULT_KEY, type Simulator, type RecordedRequest } from '../../../tests/simulator/server';
import type { BenchBrowser } from './moonlit-chrome';
import { BARE_FETCH_SOURCE, WORKER_PROBE_SOURCE } from './panel-probe';
import { summarize, ratio } from './stats';

// A short answer; the pause after the first delta keeps the first paint to the first token alone.
export const ANSWER = 'The keeper logged **every spring tide** by hand.\n\n- Heights in metres\n- Times to the minute\n\nNobody has disputed them since.';
export const BEHAVIOUR = { content: ANSWER, chunkSize: 12, chunkDelayMs: 0, firstByteDelayMs: 0, pause: { afterChunk: 1, ms: 40 } };

interface Probe {
  clickAt: number | null;
  extractAt: number | null;
  extractedAt: number | null;
  tabsAt: number | null;
  tabsDoneAt: number | null;
  tabExtracts: number;
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

export const chats = (log: RecordedRequest[]) => log.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
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
export async function measure(sim: Simulator, panel: Page, worker: BenchBrowser['session']['worker'], button: string, start: () => Promise<number | null>) {
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
      // Other tabs added: the panel asks the worker about each (read again where it changed), all at once.
      addedTabsChecked: p.tabsAt == null || p.tabsDoneAt == null ? NaN : p.tabsDoneAt - p.tabsAt,
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
    tabExtracts: p.tabExtracts,
    requests: during.length,
    paths: during.map((r) => `${r.method} ${r.path}`),
    total,
    simTtfb: ttfb,
    overhead: total - ttfb,
    // Start → the request at the simulator (the API's own time plays no part in it).
    toRequest: chat[0].receivedAt - wall(startPage),
    toDom: p.firstMutAt - startPage - ttfb,
    deltaToPaint: p.firstPaintAt - p.firstDeltaAt,
    lastTokenToFinalPaint: p.donePaintAt - p.lastDeltaAt,
    lastTokenToDoneMsg: p.doneMsgAt - p.lastDeltaAt,
    body: chat[0].body,
  };
}
export type Measured = Awaited<ReturnType<typeof measure>>;

export async function bareFetch(sim: Simulator, panel: Page, body: string) {
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

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;
/** Between keystrokes: quick typing, which still takes over a second for the question. */
const TYPE_DELAY_MS = 20;

/** The question typed key by key into the panel's box, and "Send" clicked as a person clicks it. */
export function panelControls(panel: Page, question: string) {
  const sendButton = panel.getByRole('button', { name: 'Send', exact: true });
  const questionBox = panel.getByRole('textbox', { name: 'Ask about this page', exact: true });
  const type = async () => {
    await questionBox.fill('');
    await questionBox.pressSequentially(question, { delay: TYPE_DELAY_MS });
  };
  /** A random moment within one frame, where a person's press falls. */
  const anyMomentOfAFrame = () => new Promise((r) => setTimeout(r, Math.random() * FRAME_MS));
  const send = async (afterTyping?: () => Promise<unknown>) => {
    await type();
    await afterTyping?.();
    // Not locator.click(): its actionability checks wait for animation frames, so every click would land at the same
    // point of the frame, and the paint (the next frame after the first token) would be sampled at one phase only.
    const box = await sendButton.boundingBox({ timeout: 10_000 });
    assert.ok(box, 'the Send button is not visible');
    await anyMomentOfAFrame();
    await panel.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    return null;
  };
  return { sendButton, type, send, anyMomentOfAFrame };
}

const pick = (xs: { [k: string]: unknown }[], k: string) => summarize(xs.map((x) => x[k] as number));

/** The summary of one kind of question's runs, with the ratio of its median overhead to `base`'s. */
export function figure(xs: Measured[], bare: Awaited<ReturnType<typeof bareFetch>>[]) {
  const overhead = pick(xs, 'overhead');
  const last = pick(xs, 'lastTokenToFinalPaint');
  return {
    overhead,
    ratioToBaseline: ratio(overhead.median, pick(bare, 'overhead').median),
    overheadToDomCommit: pick(xs, 'toDom'),
    toRequest: pick(xs, 'toRequest'),
    total: pick(xs, 'total'),
    simulatorTtfb: pick(xs, 'simTtfb'),
    deltaArrivalToPaint: pick(xs, 'deltaToPaint'),
    lastTokenToFinalPaint: last,
    lastTokenRatioToBaseline: ratio(last.median, pick(bare, 'lastTokenToFinalPaint').median),
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
}

/** The bare-fetch baseline's summary. */
export const baselineFigure = (bare: Awaited<ReturnType<typeof bareFetch>>[]) => ({
  what: 'bare fetch of the same request from the panel page, first chunk into the DOM, next frame',
  overhead: pick(bare, 'overhead'),
  total: pick(bare, 'total'),
  lastTokenToFinalPaint: pick(bare, 'lastTokenToFinalPaint'),
});
