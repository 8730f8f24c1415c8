// The panel's Model control and cost lines, driven as a user would, checked against what the simulator received
// and the usage it reported. Shared by the Chromium and Firefox ESR runs of model-cost.e2e.ts.
import assert from 'node:assert/strict';
import type { Moonlit } from './moonlit';
import { ask, waitForTurn } from './answers';
import { chatRequests } from './log-checks';
import { msg } from './messages';
import { waitInPage, type UiPage } from './ui-driver';
import { actualCost, sumCosts } from '../../../utils/kimi/prices';
import { formatMoney } from '../../../utils/kimi/balance';
import { ARTICLE_TITLE } from './fixture-server';

type Body = { model: string; thinking?: { type: string }; reasoning_effort?: string };

/** The body of the newest chat request. */
function lastBody(m: Moonlit): Body {
  const last = chatRequests(m.sim.log).at(-1);
  assert.ok(last, 'a chat request should have reached the simulator');
  return JSON.parse(last.body) as Body;
}

/** Clicks the checkbox whose label starts with `label` (the Model control's thinking / web search). */
async function toggle(panel: UiPage, label: string, want: boolean): Promise<void> {
  const ok = await panel.evaluate(
    ([l, w]: [string, boolean]) => {
      const box = [...document.querySelectorAll<HTMLLabelElement>('.model-control label')]
        .find((x) => x.textContent?.trim().startsWith(l))
        ?.querySelector('input');
      if (!box || box.disabled) return false;
      if (box.checked !== w) box.click();
      return box.checked === w;
    },
    [label, want] as [string, boolean],
  );
  assert.ok(ok, `the "${label}" checkbox should be there, enabled, and now ${want ? 'on' : 'off'}`);
}

const modelOptions = (panel: UiPage) =>
  panel.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('.model-control select:first-of-type option')].map((o) => o.textContent ?? ''), null);

/** Asks `question` and waits for its answer to be done. */
async function askDone(m: Moonlit, panel: UiPage, question: string): Promise<void> {
  const before = chatRequests(m.sim.log).length;
  await ask(panel, question);
  const turn = await waitForTurn(panel, question, ['done', 'error', 'stopped']);
  assert.equal(turn.status, 'done', `the answer ended as ${turn.status}: ${turn.text}`);
  assert.equal(chatRequests(m.sim.log).length, before + 1, 'exactly one chat request per question');
}

export async function checkModelAndThinking(m: Moonlit): Promise<void> {
  const { panel } = await m.panelFor(m.site.url('article.html?model'), ARTICLE_TITLE);
  const ui = panel.ui;
  // The account's models (the simulator's /v1/models) with their context size; the saved model is chosen.
  await waitInPage(ui, 'the Model control', () => document.querySelectorAll('.model-control option').length > 1, null);
  const offered = await modelOptions(ui);
  assert.ok(offered.includes(msg('modelOption', 'kimi-k2.5', 256)), `kimi-k2.5 with its 256K window should be offered: ${offered.join(' | ')}`);
  assert.ok(offered.includes(msg('modelOption', 'kimi-k3', 1024)), `kimi-k3 with its 1M window should be offered: ${offered.join(' | ')}`);
  assert.equal(await ui.evaluate(() => document.querySelector<HTMLSelectElement>('.model-control select')?.value, null), m.model);
  // moonshot-v1 cannot think: no thinking control, and nothing about thinking in the request.
  assert.equal(await ui.evaluate(() => document.querySelector('.model-control')?.textContent?.includes('Thinking') ?? false, null), false);
  await askDone(m, ui, 'Which model answers first?');
  assert.equal(lastBody(m).model, m.model);
  assert.equal(lastBody(m).thinking, undefined);

  // kimi-k2.5 with thinking off: both reach the request.
  await ui.select(msg('modelLabel'), 'kimi-k2.5');
  await toggle(ui, msg('modelThinking'), false);
  await askDone(m, ui, 'Answer without thinking, please.');
  assert.equal(lastBody(m).model, 'kimi-k2.5');
  assert.deepEqual(lastBody(m).thinking, { type: 'disabled' });
  // Thinking on again.
  await toggle(ui, msg('modelThinking'), true);
  await askDone(m, ui, 'Now think about it.');
  assert.deepEqual(lastBody(m).thinking, { type: 'enabled' });

  // kimi-k3 always thinks (shown fixed) and takes a reasoning effort.
  await ui.select(msg('modelLabel'), 'kimi-k3');
  await ui.select(msg('modelEffort'), 'low');
  const fixed = await ui.evaluate((l: string) => {
    const label = [...document.querySelectorAll('.model-control label')].find((x) => x.textContent?.trim() === l);
    const box = label?.querySelector('input');
    return !!box && box.checked && box.disabled;
  }, msg('modelThinkingAlways'));
  assert.ok(fixed, 'kimi-k3 shows thinking as always on');
  await askDone(m, ui, 'A quick one with low effort.');
  assert.equal(lastBody(m).model, 'kimi-k3');
  assert.equal(lastBody(m).reasoning_effort, 'low');
  assert.equal(lastBody(m).thinking, undefined);

  // The choice is kept with the conversation: a panel opened again on the tab shows it.
  await panel.close();
  const tabId = await m.tabIdOf(m.site.url('article.html?model'));
  const again = await m.open(`${m.b.origin}/sidepanel.html?tabId=${tabId}`);
  await waitInPage(again.ui, 'the kept model choice', () => document.querySelector<HTMLSelectElement>('.model-control select')?.value === 'kimi-k3', null);
  await again.close();
}

/** Sets saved settings from an extension page, as the options page would (the platform only decides the currency here). */
async function setPlatform(m: Moonlit, platform: string): Promise<void> {
  await m.helper.evaluate(async (p: string) => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...settings, platform: p } });
  }, platform);
}

const textOf = (ui: UiPage, selector: string) => ui.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);

export async function checkCostLines(m: Moonlit): Promise<void> {
  const { panel } = await m.panelFor(m.site.url('article.html?cost'), ARTICLE_TITLE);
  const ui = panel.ui;
  const locale = await ui.evaluate(() => navigator.language, null);
  await waitInPage(ui, 'the Model control', () => document.querySelectorAll('.model-control option').length > 1, null);
  // On a custom endpoint (the simulator) the unit of money is unknown: "price unknown", never a guess.
  await waitInPage(ui, 'the unpriced estimate', (w: string) => document.querySelector('.cost-next')?.textContent === w, msg('costNextUnknown', m.model));
  // First an answer from a model without a sourced price, then two from kimi-k2.5.
  const v1Usage = { prompt_tokens: 2_000, completion_tokens: 300, cached_tokens: 0 };
  m.sim.script({ content: 'Answer 0.', usage: v1Usage });
  await askDone(m, ui, 'Cost question 0?');
  await ui.select(msg('modelLabel'), 'kimi-k2.5');
  await waitInPage(ui, 'the unpriced estimate', (w: string) => document.querySelector('.cost-next')?.textContent === w, msg('costNextUnknown', 'kimi-k2.5'));
  const usages = [
    { prompt_tokens: 120_000, completion_tokens: 3_000, cached_tokens: 0 },
    { prompt_tokens: 123_500, completion_tokens: 1_000, cached_tokens: 119_000 },
  ];
  const costs = [];
  for (const [i, usage] of usages.entries()) {
    m.sim.script({ content: `Answer ${i + 1}.`, usage });
    await askDone(m, ui, `Cost question ${i + 1}?`);
    costs.push(
      actualCost('kimi-k2.5', { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, cachedTokens: usage.cached_tokens }, 'USD')!,
    );
  }
  // Priced as on the international platform: the simulator's usage, cached tokens at the cached price.
  await setPlatform(m, 'international');
  try {
    const lines = await waitInPage(
      ui,
      'the priced usage lines',
      (n: number) => {
        const all = [...document.querySelectorAll('.turn .usage:not(.tools-used):not(.low-balance)')].map((p) => p.textContent ?? '');
        return all.length === n && all.slice(1).every((x) => x.includes('≈')) ? all : null;
      },
      usages.length + 1,
    );
    assert.equal(lines[0], [m.model, msg('usageTokens', v1Usage.prompt_tokens, v1Usage.completion_tokens), msg('usagePriceUnknown')].join(' · '));
    for (const [i, cost] of costs.entries()) {
      const u = usages[i];
      const money = msg('usageCostPartial', formatMoney(cost.amount, 'USD', locale), msg('usagePartOutput'));
      const tokens = [msg('usageTokens', u.prompt_tokens, u.completion_tokens), ...(u.cached_tokens ? [msg('usageCached', u.cached_tokens)] : [])];
      assert.equal(lines[i + 1], ['kimi-k2.5', ...tokens, money].join(' · '));
    }
    assert.ok(costs[1].amount < costs[0].amount, 'the cached answer costs less');
    const total = sumCosts(costs).total!;
    const words = msg('usageCostPartial', formatMoney(total.amount, 'USD', locale), msg('usagePartOutput'));
    assert.equal(await textOf(ui, '.cost-total'), msg('costTotalSomeUnknown', words, 1));
    // Before sending: the input at kimi-k2.5's price for what the panel would send, and no guess for the output.
    const next = await textOf(ui, '.cost-next');
    const match = /^Next question: input ≈ \$([\d.]+); the answer's price is unknown$/.exec(next);
    assert.ok(match, `the estimate line: ${next}`);
    // The page and three short turns: far below the scripted 120k-token prompts, and above nothing.
    assert.ok(Number(match[1]) > 0 && Number(match[1]) < costs[0].amount, `the input estimate ${match[1]}`);
  } finally {
    await setPlatform(m, 'custom');
  }
}
