// Faults end to end against the simulator: for each way an answer can break, the text received so far stays on
// screen, the state says what happened, one click resumes (Partial Mode: the last message is the assistant's text so
// far with partial:true) and the simulator sees a bounded number of requests (one per click, never a hidden retry:
// utils/kimi/chat-stream.ts never retries). The shared cases (lib/fault-cases.ts) run in Chromium and Firefox ESR;
// the panel closed and the browser restarted run in Chromium. The slow cases are in faults-slow.e2e.ts.
// Run: npx tsx --test tests/e2e/faults.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ask, waitForAnswerStatus } from './lib/answers';
import { launchChromeOnProfile, openRaw, tabIdVia } from './lib/chrome-pages';
import { backgroundStopped, connectionDropped, endpointDown, rateLimitBurst, SAME_ANSWER_FAST, serverErrors, SLOW_STREAM } from './lib/fault-cases';
import { answerText, chatCount, checkOneClickContinues, LONG_ANSWER, waitForStreamedText } from './lib/fault-flow';
import { ARTICLE_TITLE } from './lib/fixture-server';
import { msg } from './lib/messages';
import { configure } from './lib/moonlit-setup';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitInPage, type UiPage } from './lib/ui-driver';

for (const kind of ['chromium', 'firefox'] as const) {
  const name = kind === 'chromium' ? 'Chromium' : 'Firefox ESR';
  describe(`Moonlit faults in ${name}: nothing lost, one click resumes`, () => {
    const m = useMoonlit(kind);

    it('connection dropped mid-stream: the text stays, "Continue" resumes it with Partial Mode', () => connectionDropped(m()));

    const stop = kind === 'chromium' ? 'CDP ServiceWorker.stopAllWorkers' : "Firefox's event page terminated, as about:debugging does";
    it(`the worker stopped mid-stream (${stop}): the text stays, "Continue" resumes`, () => backgroundStopped(m()));

    it('a burst of 429s on the continuation: a countdown, no automatic retry, the text stays, each click one request', { timeout: 120_000 }, () =>
      rateLimitBurst(m()),
    );

    it('503, then engine_overloaded_error: each explained, "Try again" sends one request (overload: at most 3), then answers', { timeout: 60_000 }, () =>
      serverErrors(m()),
    );

    it('the endpoint down (closed port) on a continuation: a clear message, the text stays, "Try again" resumes', () => endpointDown(m()));
  });
}

/** Waits until storage.local holds the conversation of `url` with some of its answer saved. */
async function waitForSavedAnswer(helper: UiPage, url: string): Promise<void> {
  await waitInPage(
    helper,
    `the answer so far to be saved for ${url}`,
    async (u: string) => {
      type Conv = { url: string; turns: { answer?: string }[] };
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      const all = Object.values(await api.storage.local.get(null)) as Conv[];
      return all.some((c) => c?.url === u && (c.turns?.[0]?.answer ?? '').length > 0);
    },
    url,
  );
}

describe('Moonlit faults in Chromium: the panel and the browser going away', () => {
  const m = useMoonlit('chromium');

  it('the panel closed mid-answer and reopened: the conversation comes back marked interrupted, "Continue" resumes', async () => {
    const { sim, b } = m();
    sim.setDefault(SAME_ANSWER_FAST);
    const url = m().site.url('article.html?fault=panel-closed');
    const { panel, tabId } = await m().panelFor(url, ARTICLE_TITLE);
    const before = chatCount(sim);
    sim.script(SLOW_STREAM);
    await ask(panel.ui, 'Tell me about the colony while I close the panel.');
    await waitForStreamedText(panel.ui, 0, 48);
    const page = b.context.pages().find((p) => p.url().endsWith(`sidepanel.html?tabId=${tabId}`))!;
    await page.close({ runBeforeUnload: true });
    const reopened = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(reopened.ui, ARTICLE_TITLE);
    const end = await waitForAnswerStatus(reopened.ui, 0, ['done', 'error', 'stopped']);
    assert.equal(end.status, 'stopped', `the reopened answer should be marked stopped, not ${end.status}`);
    assert.ok(
      await reopened.ui.evaluate((t: string) => document.body.textContent!.includes(t), msg('panelInterrupted')),
      `the panel should say "${msg('panelInterrupted')}"`,
    );
    const kept = await answerText(reopened.ui, 0);
    assert.ok(kept.length > 0 && LONG_ANSWER.startsWith(kept.trim()), `the text so far should come back: "${kept}"`);
    assert.equal(chatCount(sim) - before, 1, 'reopening must not send anything by itself');
    await checkOneClickContinues(sim, reopened.ui, 0, kept, LONG_ANSWER);
    await reopened.page.close();
    sim.setDefault({});
  });

  it('the browser restarted with the same profile mid-answer: the conversation comes back interrupted, "Continue" resumes', { timeout: 120_000 }, async () => {
    const { sim, site } = m();
    const profile = await mkdtemp(join(tmpdir(), 'moonlit-restart-'));
    let session = await launchChromeOnProfile(profile);
    try {
      const opener = { origin: session.origin, open: async (u: string) => (await openRaw(session.context, u)).ui };
      await configure(opener, sim);
      sim.setDefault(SAME_ANSWER_FAST);
      const via = (await openRaw(session.context, `${session.origin}/options.html`)).ui;
      const url = site.url('article.html?fault=restart');
      await openRaw(session.context, url);
      const first = await openRaw(session.context, `${session.origin}/sidepanel.html?tabId=${await tabIdVia(via, url)}`);
      await waitForPanelPage(first.ui, ARTICLE_TITLE);
      const before = chatCount(sim);
      sim.script(SLOW_STREAM);
      await ask(first.ui, 'Tell me about the colony before the browser closes.');
      await waitForStreamedText(first.ui, 0, 48);
      // The panel saves the answer while it streams (at most every 400 ms): close once some of it is saved.
      await waitForSavedAnswer(via, url);
      await session.context.close();

      session = await launchChromeOnProfile(profile);
      const via2 = (await openRaw(session.context, `${session.origin}/options.html`)).ui;
      await openRaw(session.context, url);
      const tabId = await tabIdVia(via2, url);
      const panel = await openRaw(session.context, `${session.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(panel.ui, ARTICLE_TITLE);
      const end = await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped']);
      assert.equal(end.status, 'stopped', `after the restart the answer should be marked stopped, not ${end.status}`);
      const kept = await answerText(panel.ui, 0);
      assert.ok(kept.length > 0 && LONG_ANSWER.startsWith(kept.trim()), `the text so far should survive the restart: "${kept}"`);
      assert.equal(chatCount(sim) - before, 1, 'the restart must not send anything by itself');
      await checkOneClickContinues(sim, panel.ui, 0, kept, LONG_ANSWER);
    } finally {
      sim.setDefault({});
      await session.context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    }
  });
});
