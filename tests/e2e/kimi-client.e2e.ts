// The Kimi client end to end in Chromium against the simulator: automatic continuation with Partial Mode,
// one error of each family as the panel shows it (with the requests each one cost), and the Thinking block.
// Run: npx tsx --test tests/e2e/kimi-client.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { useMoonlit } from './lib/moonlit';
import { ask, waitForAnswerStatus } from './lib/answers';
import { chatCount, flat, lastMessage } from './lib/fault-flow';
import { ARTICLE_TITLE, type FixtureServer } from './lib/fixture-server';
import type { ChromeSession } from './lib/launch-chrome';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { panelFor } from './lib/moonlit-setup';
import { waitInPage, type UiPage } from './lib/ui-driver';

/** Plain sentences, so the rendered text is the sent text with spaces collapsed. */
const FULL = Array.from({ length: 12 }, (_, i) => `Point ${i + 1} about the rooftop hive.`).join(' ');
const CUT = FULL.slice(0, 120);

/** The role="alert" text inside turn `index`. */
const turnAlert = (panel: UiPage, index: number) =>
  panel.evaluate((i: number) => document.querySelectorAll('article.turn')[i]?.querySelector('[role="alert"]')?.textContent ?? '', index);

/** Stored settings, patched from an extension page (the options page would need a full form round trip). */
async function patchSettings(page: UiPage, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p: Record<string, unknown>) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
    const { settings } = (await api.storage.local.get('settings')) as { settings: Record<string, unknown> };
    await api.storage.local.set({ settings: { ...settings, ...p } });
  }, patch);
}

describe('Kimi client in Chromium', () => {
  const m = useMoonlit('chromium');
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let n = 0;
  before(() => void ({ sim, site, b } = m()));

  const freshPanel = async (name: string) => {
    sim.reset();
    const url = site.url(`article.html?kimi=${name}-${n++}`);
    return (await panelFor(b, url, ARTICLE_TITLE, (u) => b.tabIdOf(u))).panel;
  };

  it('finish_reason "length": the worker continues with Partial Mode and the panel shows one seamless answer', { timeout: 90_000 }, async () => {
    const panel = await freshPanel('length');
    const before = chatCount(sim);
    sim.script({ content: CUT, finishReason: 'length', chunkDelayMs: 10 }, { content: FULL, chunkDelayMs: 10 });
    await ask(panel, 'Tell me everything about the hive.');
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 30_000);
    assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text}`);
    assert.equal(flat(end.text), flat(FULL), 'one answer, nothing lost or doubled where the two requests meet');
    const sent = chatRequests(sim.log).slice(before);
    assert.equal(sent.length, 2, 'the question and one automatic continuation');
    assert.deepEqual(lastMessage(sent[1]), { role: 'assistant', content: CUT, partial: true }, 'the continuation ends with the text so far, partial:true');
    assert.equal(await panel.count('button', msg('panelContinue')), 0, 'a completed answer offers no "Continue"');
    assert.ok(!(await panel.evaluate(() => document.body.innerText, null)).includes(msg('panelCutOff')), 'no "cut off" note');
  });

  it('one error of each family: the panel names it, offers what helps, and the simulator saw exactly one request', { timeout: 120_000 }, async () => {
    const panel = await freshPanel('errors');
    const families: [string, () => void, string, number][] = [
      ['auth', () => sim.script({ error: { status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication' } }), 'errBadKeyTitle', 1],
      [
        'model',
        () => sim.script({ error: { status: 404, type: 'resource_not_found_error', message: 'Not found the model moonshot-v1-128k or Permission denied' } }),
        'errModelTitle',
        1,
      ],
      ['quota', () => sim.setBalance({ cash_balance: 0, voucher_balance: 0 }), 'errQuotaTitle', 1],
      ['server', () => sim.script({ error: { status: 500, type: 'server_error', message: 'Internal server error' } }), 'errServerTitle', 1],
      ['HTML endpoint', () => sim.script({ error: { status: 200, rawBody: '<!doctype html><title>Blog</title><p>Hello</p>' } }), 'errNotApiTitle', 1],
    ];
    let index = 0;
    for (const [family, arrange, titleKey, requests] of families) {
      sim.reset();
      arrange();
      await ask(panel, `Question about ${family}?`);
      const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
      assert.equal(end.status, 'error', `${family}: the answer should end as an error`);
      const alert = await turnAlert(panel, index);
      assert.ok(alert.includes(msg(titleKey)), `${family}: the panel should say "${msg(titleKey)}", it said "${alert}"`);
      assert.equal(chatRequests(sim.log).length, requests, `${family}: one question, ${requests} request(s)`);
      index++;
    }
    sim.reset();
  });

  it("rate limit: the wait in Kimi's message becomes a countdown, then one click asks again", { timeout: 90_000 }, async () => {
    const panel = await freshPanel('rate');
    sim.script({
      error: {
        status: 429,
        type: 'rate_limit_reached_error',
        message: 'Your account sim<ak> request reached organization max RPM: 3, please try again after 3 seconds',
      },
    });
    await ask(panel, 'A question while rate limited?');
    await waitForAnswerStatus(panel, 0, ['error']);
    assert.ok((await turnAlert(panel, 0)).includes(msg('errRateLimitTitle')));
    const countdown = await panel.evaluate(
      () => [...document.querySelectorAll('button')].find((x) => /\d/.test(x.textContent ?? '') && x.disabled)?.textContent ?? '',
      null,
    );
    assert.match(countdown, /[1-3]/, `a disabled countdown button should show the seconds left: "${countdown}"`);
    await waitInPage(
      panel,
      '"Try again" to be enabled',
      (name: string) => [...document.querySelectorAll('button')].some((x) => x.textContent?.trim() === name && !x.disabled),
      msg('panelRetry'),
      { timeoutMs: 10_000 },
    );
    assert.equal(chatCount(sim), 1, 'nothing is retried by itself');
    sim.setDefault({ content: 'Answered after the wait.', chunkDelayMs: 5 });
    await panel.click(msg('panelRetry'));
    await waitInPage(panel, 'the retried answer', () => document.body.innerText.includes('Answered after the wait.'), null, {
      timeoutMs: 15_000,
      describe: async () =>
        `${chatCount(sim)} chat request(s); panel: ${await panel.evaluate(() => document.querySelector('.turns')?.textContent ?? '', null)}`,
    });
    assert.equal(chatCount(sim), 2, 'one click, one more request');
    sim.reset();
  });

  it('network: an endpoint nobody listens on gives "Can\'t reach Kimi", and nothing reaches the simulator', { timeout: 90_000 }, async () => {
    const panel = await freshPanel('network');
    const deadSim = await startSimulator();
    const deadBase = deadSim.baseUrl;
    await deadSim.close();
    await patchSettings(panel, { customEndpoint: deadBase });
    try {
      await ask(panel, 'Is anyone there?');
      await waitForAnswerStatus(panel, 0, ['error'], 30_000);
      assert.ok((await turnAlert(panel, 0)).includes(msg('errNetworkTitle')), `got: ${await turnAlert(panel, 0)}`);
      assert.equal(sim.log.length, 0);
    } finally {
      await patchSettings(panel, { customEndpoint: sim.baseUrl });
    }
  });

  it('Thinking: the reasoning is shown in a collapsed "Thinking" block, apart from the answer', { timeout: 90_000 }, async () => {
    const panel = await freshPanel('thinking');
    await patchSettings(panel, { model: 'kimi-k2.6' });
    const reasoning = 'The page says eleven kilograms; I check the fondant too.';
    sim.script({ reasoning, content: 'About eleven kilograms of honey.', chunkDelayMs: 5 });
    await ask(panel, 'How much honey?');
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error']);
    assert.equal(end.status, 'done', end.text);
    // "done" can be read a moment before the answer's blocks are filled in (seen under load): wait for the text.
    const text = await waitInPage(
      panel,
      'the answer text',
      () => {
        const t = (document.querySelector<HTMLElement>('[data-role="answer"]')?.innerText ?? '').replace(/\s+/g, ' ').trim();
        return t || null;
      },
      null,
      { timeoutMs: 5_000 },
    ).catch(() => '');
    assert.equal(text, 'About eleven kilograms of honey.', 'the answer holds only the answer');
    const block = await panel.evaluate(() => {
      const d = document.querySelector<HTMLDetailsElement>('article.turn details.thinking');
      return d ? { open: d.open, summary: d.querySelector('summary')?.textContent ?? '', text: d.querySelector('.thinking-text')?.textContent ?? '' } : null;
    }, null);
    assert.ok(block, 'a Thinking block should be there');
    assert.equal(block.open, false, 'collapsed by default');
    assert.equal(block.summary, msg('panelThinking'));
    assert.equal(block.text, reasoning);
    const body = chatRequests(sim.log).at(-1)!.json as { model: string };
    assert.equal(body.model, 'kimi-k2.6');
  });
});
