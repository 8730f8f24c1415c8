// The fault cases that run the same in Chromium and Firefox ESR (faults.e2e.ts): for each way an answer can break,
// the text received so far stays on screen, the state says what happened, one click resumes with Partial Mode and
// the simulator sees one request per click. No case waits for time to pass: "nothing more was sent" is checked
// against the request count at the end, after later round trips that any hidden retry would have come before.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ask, waitForAnswerStatus } from './answers';
import { alertText, answerText, chatCount, checkOneClickContinues, flat, LONG_ANSWER, waitForStreamedText } from './fault-flow';
import { startCutProxy } from './cut-proxy';
import { ARTICLE_TITLE } from './fixture-server';
import { msg } from './messages';
import type { Moonlit } from './moonlit';
import { waitInPage, type UiPage } from './ui-driver';

/** Streams LONG_ANSWER slowly enough for a test to break it midway. */
export const SLOW_STREAM = { content: LONG_ANSWER, chunkSize: 12, chunkDelayMs: 150 };
/** The continuation's default answer: the same text, fast (the simulator sends only what follows the partial text). */
export const SAME_ANSWER_FAST = { content: LONG_ANSWER, chunkSize: 12, chunkDelayMs: 5 };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Waits until a button with this exact name is enabled (the rate-limit countdown has run down). */
export async function waitEnabled(panel: UiPage, name: string, timeoutMs = 30_000): Promise<void> {
  await waitInPage(
    panel,
    `"${name}" to be enabled`,
    (n: string) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n && !b.disabled),
    name,
    { timeoutMs },
  );
}

/** Points the saved settings at another endpoint, through the extension's storage (either browser's API). */
export async function setEndpoint(helper: UiPage, endpoint: string): Promise<void> {
  await helper.evaluate(async (url: string) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const g = globalThis as unknown as { browser?: { storage: { local: Area } }; chrome?: { storage: { local: Area } } };
    const local = (g.browser ?? g.chrome)!.storage.local;
    const { settings } = (await local.get('settings')) as { settings: Record<string, unknown> };
    await local.set({ settings: { ...settings, customEndpoint: url } });
  }, endpoint);
}

/** A fresh article tab (its own URL, so its own conversation) and a panel bound to it. */
export async function faultPanel(m: Moonlit, name: string): Promise<UiPage> {
  return (await m.panelFor(m.site.url(`article.html?fault=${m.kind}-${name}`), ARTICLE_TITLE)).panel.ui;
}

/**
 * Breaks an answer once the panel shows some of it (the connection cut through lib/cut-proxy.ts, as a network drop)
 * and returns the text kept, checked against the screen.
 */
export async function droppedAnswer(m: Moonlit, panel: UiPage, question: string): Promise<string> {
  const proxy = await startCutProxy(m.sim.port);
  await setEndpoint(m.helper, `${proxy.url}/v1`);
  try {
    m.sim.script(SLOW_STREAM);
    await ask(panel, question);
    await waitForStreamedText(panel, 0, 24);
    proxy.cut();
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped']);
    assert.equal(end.status, 'error', `a dropped stream should end as an error, not ${end.status}`);
  } finally {
    await setEndpoint(m.helper, m.sim.baseUrl);
    await proxy.close();
  }
  assert.ok((await alertText(panel)).includes(msg('errIncompleteTitle')), `the panel should say "${msg('errIncompleteTitle')}"`);
  const kept = await answerText(panel, 0);
  assert.ok(
    kept.trim().length >= 24 && kept.trim().length < LONG_ANSWER.length && LONG_ANSWER.startsWith(kept.trim()),
    `the text received should stay on screen: "${kept}"`,
  );
  return kept;
}

export async function connectionDropped(m: Moonlit): Promise<void> {
  m.sim.setDefault(SAME_ANSWER_FAST);
  const panel = await faultPanel(m, 'drop');
  const before = chatCount(m.sim);
  const kept = await droppedAnswer(m, panel, 'Tell me about the colony.');
  assert.equal(chatCount(m.sim) - before, 1, "a dropped stream must not be retried behind the user's back");
  await checkOneClickContinues(m.sim, panel, 0, kept, LONG_ANSWER);
  assert.equal(chatCount(m.sim) - before, 2, 'the question and one continuation: two requests');
  m.sim.setDefault({});
}

export async function backgroundStopped(m: Moonlit): Promise<void> {
  m.sim.setDefault(SAME_ANSWER_FAST);
  const panel = await faultPanel(m, 'worker');
  const before = chatCount(m.sim);
  m.sim.script(SLOW_STREAM);
  await ask(panel, 'Tell me about the colony, slowly.');
  await waitForStreamedText(panel, 0, 36);
  await m.stopBackground();
  const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped']);
  assert.notEqual(end.status, 'done', 'the answer cannot have finished: its background was stopped');
  const kept = await answerText(panel, 0);
  assert.ok(kept.length >= 36 && LONG_ANSWER.startsWith(kept.trim()), `the text so far should stay: "${kept}"`);
  assert.ok((await alertText(panel)).includes(msg('errIncompleteTitle')), 'the panel should say the connection dropped');
  assert.equal(chatCount(m.sim) - before, 1, 'stopping the background must not start another request');
  await checkOneClickContinues(m.sim, panel, 0, kept, LONG_ANSWER);
  m.sim.setDefault({});
}

export async function rateLimitBurst(m: Moonlit): Promise<void> {
  m.sim.setDefault(SAME_ANSWER_FAST);
  const panel = await faultPanel(m, 'rate-limit');
  const before = chatCount(m.sim);
  const kept = await droppedAnswer(m, panel, 'Tell me about the colony under a rate limit.');
  const limited = {
    error: {
      status: 429,
      type: 'rate_limit_reached_error',
      message: 'Your account org-e2e request reached organization max RPM: 3, please try again after 2 seconds',
    },
  };
  m.sim.script(limited, limited);
  for (let attempt = 1; attempt <= 2; attempt++) {
    await panel.click(attempt === 1 ? 'Continue' : msg('panelRetry'));
    await waitInPage(panel, 'the rate-limit message', (t: string) => document.body.textContent!.includes(t), msg('errRateLimitTitle'));
    assert.equal(chatCount(m.sim) - before, 1 + attempt, `attempt ${attempt}: one click, one request`);
    assert.equal(flat(await answerText(panel, 0)), flat(kept), 'the text so far should stay under the error');
    const countdown = msg('panelRetryIn', 2);
    const disabled = await panel.evaluate(
      (t: string) => [...document.querySelectorAll('button')].some((x) => x.textContent?.trim() === t && x.disabled),
      countdown,
    );
    assert.ok(disabled, `a disabled "${countdown}" should count down`);
    await waitEnabled(panel, msg('panelRetry'));
    // The countdown has run out: the answer waits for the user, nothing was sent by itself.
    assert.equal((await waitForAnswerStatus(panel, 0, ['error', 'streaming', 'done'])).status, 'error', `attempt ${attempt}: still waiting for a click`);
    assert.equal(chatCount(m.sim) - before, 1 + attempt, `attempt ${attempt}: no automatic retry after the countdown`);
  }
  await checkOneClickContinues(m.sim, panel, 0, kept, LONG_ANSWER, msg('panelRetry'));
  // Any retry the countdown had started by itself would have reached the simulator before this last answer.
  assert.equal(chatCount(m.sim) - before, 4, 'question, two limited continuations, one good one');
  m.sim.setDefault({});
}

export async function serverErrors(m: Moonlit): Promise<void> {
  const panel = await faultPanel(m, 'overloaded');
  const before = chatCount(m.sim);
  const overloaded = {
    error: { status: 429, type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' },
  };
  m.sim.script({ error: { status: 503, type: 'server_error', message: 'upstream unavailable' } }, overloaded, overloaded, overloaded, {
    content: 'Back to normal.',
  });
  await ask(panel, 'Is Kimi there?');
  await waitForAnswerStatus(panel, 0, ['error']);
  assert.ok((await alertText(panel)).includes(msg('errServerTitle')), `a 503 should say "${msg('errServerTitle')}"`);
  assert.equal(chatCount(m.sim) - before, 1, 'a 503 is not retried by itself');
  await waitEnabled(panel, msg('panelRetry'));
  await panel.click(msg('panelRetry'));
  await waitInPage(panel, 'the overloaded message', (t: string) => document.body.textContent!.includes(t), msg('errOverloadedTitle'), { timeoutMs: 30_000 });
  // "Overloaded" is the one failure retried automatically: twice, with a pause, before the user is told.
  assert.equal(chatCount(m.sim) - before, 4, 'the click sent one request and at most two automatic retries');
  await waitEnabled(panel, msg('panelRetry'));
  assert.equal(chatCount(m.sim) - before, 4, 'nothing more while "Kimi is busy" is shown');
  await panel.click(msg('panelRetry'));
  // The answer is still "error" until the page is read again and the request goes out: wait for "done" itself.
  await waitForAnswerStatus(panel, 0, ['done'], 20_000);
  assert.equal(flat(await answerText(panel, 0)), 'Back to normal.');
  // A retry of its own while "Kimi is busy" was shown would have come before this answer.
  assert.equal(chatCount(m.sim) - before, 5, 'three clicks: 1 + 3 + 1 requests');
}

export async function endpointDown(m: Moonlit): Promise<void> {
  m.sim.setDefault(SAME_ANSWER_FAST);
  const panel = await faultPanel(m, 'endpoint-down');
  const before = chatCount(m.sim);
  const kept = await droppedAnswer(m, panel, 'Tell me about the colony while the server is down.');
  await setEndpoint(m.helper, `http://127.0.0.1:${await freePort()}/v1`);
  try {
    await panel.click('Continue');
    await waitForAnswerStatus(panel, 0, ['error']);
    await waitInPage(panel, 'the network message', (t: string) => document.body.textContent!.includes(t), msg('errNetworkTitle'));
    assert.equal(flat(await answerText(panel, 0)), flat(kept), 'the text so far should stay under the error');
    assert.equal(chatCount(m.sim) - before, 1, 'nothing reached the simulator while the endpoint was down');
  } finally {
    await setEndpoint(m.helper, m.sim.baseUrl);
  }
  await checkOneClickContinues(m.sim, panel, 0, kept, LONG_ANSWER, msg('panelRetry'));
  m.sim.setDefault({});
}
