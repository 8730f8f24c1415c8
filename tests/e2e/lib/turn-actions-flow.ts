// Regenerate, Edit question, Copy answer and the usage line, checked by what reached the simulator, what the
// panel shows and what the clipboard holds. Shared by the Chromium and Firefox runs of turn-actions.e2e.ts.
import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator/server';
import { actualCost } from '../../../utils/kimi/prices';
import { formatMoney } from '../../../utils/kimi/balance';
import { answerState, ask, waitForAnswerStatus } from './answers';
import { chatRequests } from './log-checks';
import { msg } from './messages';
import { waitFor, waitInPage, type UiPage } from './ui-driver';

type Dialogue = { role: string; content: string }[];

/** The user and assistant messages of the newest chat request since `from`; exactly one request must have come. */
function dialogueSince(sim: Simulator, from: number): Dialogue {
  const sent = chatRequests(sim.log).slice(from);
  assert.equal(sent.length, 1, `exactly one chat request per action; ${sent.length} arrived`);
  const messages = ((sent[0].json as { messages?: { role: string; content: unknown }[] }).messages ?? []) as { role: string; content: unknown }[];
  return messages.filter((m) => m.role === 'user' || m.role === 'assistant').map((m) => ({ role: m.role, content: String(m.content) }));
}

/** Every answer's text in the panel, in order, without its citation buttons. */
const answers = (panel: UiPage) =>
  panel.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-role="answer"]')].map((a) => {
        const copy = a.cloneNode(true) as HTMLElement;
        for (const b of copy.querySelectorAll('button.md-cite')) b.remove();
        return (copy.textContent ?? '')
          .replace(/\s+/g, ' ')
          .replace(/\s+([,.])/g, '$1')
          .trim();
      }),
    null,
  );

/** Clicks the `index`-th (0-based) visible button named `name`, from inside the page. */
function clickNth(panel: UiPage, name: string, index: number): Promise<void> {
  return waitInPage(
    panel,
    `button "${name}" #${index + 1}`,
    ([n, i]: [string, number]) => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent?.trim() === n);
      if (!buttons[i]) return false;
      buttons[i].click();
      return true;
    },
    [name, index] as [string, number],
  ).then(() => undefined);
}

async function settle(panel: UiPage, index: number, text: string): Promise<void> {
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `answer #${index + 1} ended as "${final.status}": ${final.text}`);
  await waitFor(`answer #${index + 1} to read "${text}"`, async () => (await answers(panel))[index] === text).catch(async (e: Error) => {
    throw new Error(`${e.message} Seen: ${JSON.stringify(await answers(panel))}`);
  });
}

export interface TurnActionsEnv {
  sim: Simulator;
  panel: UiPage;
  /** What the clipboard holds, read the way the browser allows (see the callers). */
  readClipboard(): Promise<string>;
  /** Changes saved settings, as the options page would. */
  setSettings(patch: { platform?: 'custom' | 'international'; model?: string }): Promise<void>;
}

const Q1 = 'What do the bees store for winter?';
const Q2 = 'And how much of it?';
const A1 = 'They store honey [P1], made from nectar.';
const A1_SHOWN = 'They store honey, made from nectar.';
const A2 = 'About eleven kilograms.';
const A2_AGAIN = 'Roughly eleven kilograms, regenerated.';
const Q1_EDITED = 'What do the bees eat in winter?';
const A1_EDITED = 'Their stored honey.';
const USAGE = { prompt_tokens: 4321, completion_tokens: 87, cached_tokens: 0 };

/** The usage line of answer `index`: the first `.usage` paragraph after it in its turn. */
const usageLine = (panel: UiPage, index: number) =>
  panel.evaluate((i: number) => {
    const answer = document.querySelectorAll('[data-role="answer"]')[i];
    const turn = answer?.closest('article, li, section, .turn') ?? answer?.parentElement;
    return turn?.querySelector('.usage:not(.tools-used):not(.low-balance)')?.textContent ?? '';
  }, index);

export async function checkUsageAndCopy(env: TurnActionsEnv): Promise<void> {
  const { sim, panel } = env;
  // A model the price table knows (its input price is sourced; its output price is not, and the line says so).
  const model = 'kimi-k2.5';
  await env.setSettings({ model });
  sim.script({ content: A1, usage: USAGE });
  let from = chatRequests(sim.log).length;
  await ask(panel, Q1);
  await settle(panel, 0, A1_SHOWN);
  assert.deepEqual(dialogueSince(sim, from), [{ role: 'user', content: Q1 }]);

  // Usage: the simulator's numbers, after the answer; "price unknown" on a custom endpoint (its unit of money is unknown).
  const tokens = msg('usageTokens', String(USAGE.prompt_tokens), String(USAGE.completion_tokens));
  await waitInPage(
    panel,
    'the usage line',
    ([i, want]: [number, string]) => {
      const answer = document.querySelectorAll('[data-role="answer"]')[i];
      const turn = answer?.closest('article, li, section, .turn') ?? answer?.parentElement;
      return (turn?.querySelector('.usage')?.textContent ?? '').includes(want);
    },
    [0, tokens] as [number, string],
  );
  assert.equal(await usageLine(panel, 0), `${model} · ${tokens} · ${msg('usagePriceUnknown')}`);
  // On the international platform the same turn is priced from its usage (the saved turn keeps it).
  await env.setSettings({ platform: 'international' });
  try {
    const cost = actualCost(model, { promptTokens: USAGE.prompt_tokens, completionTokens: USAGE.completion_tokens, cachedTokens: 0 }, 'USD');
    assert.ok(cost, `the price table should know ${model}`);
    const locale = await panel.evaluate(() => {
      type Api = { i18n: { getUILanguage(): string } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (g.browser ?? g.chrome)!.i18n.getUILanguage();
    }, null);
    assert.deepEqual(cost.unpriced, ['output']);
    const priced = `${model} · ${tokens} · ${msg('usageCostPartial', formatMoney(cost.amount, cost.currency, locale), msg('usagePartOutput'))}`;
    await waitInPage(
      panel,
      `the priced usage line`,
      ([i, want]: [number, string]) => {
        const answer = document.querySelectorAll('[data-role="answer"]')[i];
        const turn = answer?.closest('article, li, section, .turn') ?? answer?.parentElement;
        return turn?.querySelector('.usage:not(.tools-used):not(.low-balance)')?.textContent === want;
      },
      [0, priced] as [number, string],
      { describe: () => usageLine(panel, 0) },
    );
  } finally {
    await env.setSettings({ platform: 'custom' });
  }

  // Copy: the answer's text without its citation markers.
  from = chatRequests(sim.log).length;
  await clickNth(panel, msg('turnCopy'), 0);
  await waitInPage(
    panel,
    'the "Copied" confirmation',
    (n: string) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n),
    msg('turnCopied'),
  );
  assert.equal(await env.readClipboard(), 'They store honey, made from nectar.', 'the clipboard holds the answer without [P1]');
  assert.equal(chatRequests(sim.log).length, from, 'copying sends nothing');
}

export async function checkRegenerateAndEdit(env: TurnActionsEnv): Promise<void> {
  const { sim, panel } = env;
  sim.script({ content: A2 });
  let from = chatRequests(sim.log).length;
  await ask(panel, Q2);
  await settle(panel, 1, A2);
  assert.deepEqual(dialogueSince(sim, from), [
    { role: 'user', content: Q1 },
    { role: 'assistant', content: A1 },
    { role: 'user', content: Q2 },
  ]);

  // Regenerate (on the last turn only): the same question with the same history, without the old answer,
  // which the new one replaces.
  assert.equal(await panel.count('button', msg('turnRegenerate')), 1, 'only the last turn offers Regenerate');
  sim.script({ content: A2_AGAIN });
  from = chatRequests(sim.log).length;
  await clickNth(panel, msg('turnRegenerate'), 0);
  await settle(panel, 1, A2_AGAIN);
  assert.deepEqual(dialogueSince(sim, from), [
    { role: 'user', content: Q1 },
    { role: 'assistant', content: A1 },
    { role: 'user', content: Q2 },
  ]);
  assert.deepEqual(await answers(panel), [A1_SHOWN, A2_AGAIN], 'the regenerated answer replaces the old one');

  // Edit the first question: the edited text goes, with no history; the turns from it on are replaced.
  sim.script({ content: A1_EDITED });
  from = chatRequests(sim.log).length;
  await clickNth(panel, msg('turnEdit'), 0);
  const box = msg('turnEditLabel');
  await waitInPage(
    panel,
    'the edit box with the old question',
    ([label, q]: [string, string]) => {
      const el = document.querySelector<HTMLTextAreaElement>(`textarea[aria-label="${label}"]`);
      return el?.value === q;
    },
    [box, Q1] as [string, string],
  );
  await panel.fill(box, Q1_EDITED);
  await clickNth(panel, msg('turnResend'), 0);
  await settle(panel, 0, A1_EDITED);
  assert.deepEqual(dialogueSince(sim, from), [{ role: 'user', content: Q1_EDITED }]);
  assert.deepEqual(await answers(panel), [A1_EDITED], 'the edited question starts the conversation again from that turn');
  const state = await answerState(panel, 0);
  assert.equal(state.count, 1);
}
