// Reading answers in the side panel: each answer is [data-role="answer"] with data-status
// streaming | done | stopped | error.
import { waitInPage, type UiPage } from './ui-driver';

export interface AnswerState {
  count: number;
  status: string | null;
  text: string;
}

/** The state of answer number `index` (0-based), with its rendered text (innerText, whitespace collapsed). */
export function answerState(page: UiPage, index: number): Promise<AnswerState> {
  return page.evaluate((i: number) => {
    const all = document.querySelectorAll<HTMLElement>('[data-role="answer"]');
    const el = all[i];
    return {
      count: all.length,
      status: el ? el.getAttribute('data-status') : null,
      text: el ? el.innerText.replace(/\s+/g, ' ').trim() : '',
    };
  }, index);
}

export const answerCount = async (page: UiPage) => (await answerState(page, 0)).count;

/** Waits until answer `index` exists and has one of `statuses`; throws with what was seen otherwise. */
export async function waitForAnswerStatus(page: UiPage, index: number, statuses: string[], timeoutMs = 20_000): Promise<AnswerState> {
  await waitInPage(
    page,
    `answer #${index + 1} to reach data-status ${statuses.join(' or ')}`,
    ([i, wanted]: [number, string[]]) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      const status = el?.getAttribute('data-status') ?? '';
      // "done" shows before the last render has drawn the text (the renderer paints on the next frame).
      return !!el && wanted.includes(status) && (status !== 'done' || !!el.textContent?.trim());
    },
    [index, statuses] as [number, string[]],
    { timeoutMs, describe: async () => JSON.stringify(await answerState(page, index)) + ' alerts: ' + (await alerts(page)) },
  );
  return answerState(page, index);
}

/** The text of every role="alert" element, to explain a failure. */
export const alerts = (page: UiPage): Promise<string> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="alert"]')].map((a) => a.innerText).join(' | '), null);

export interface Sample {
  len: number;
  status: string | null;
}

/**
 * Records, from inside the page, every change of answer `index`'s text length and status, so chunk-by-chunk
 * arrival is seen however fast the driver polls. The "waiting" placeholder counts as no text.
 */
export function startSampling(page: UiPage, index: number, waitingText: string): Promise<void> {
  return page.evaluate(
    ([i, waiting]: [number, string]) => {
      const samples: { len: number; status: string | null }[] = [];
      (window as unknown as { __moonlitSamples: typeof samples }).__moonlitSamples = samples;
      const snap = () => {
        const el = document.querySelectorAll<HTMLElement>('[data-role="answer"]')[i];
        if (!el) return;
        const text = (el.textContent ?? '').trim();
        const s = { len: text === waiting ? 0 : text.length, status: el.getAttribute('data-status') };
        const last = samples[samples.length - 1];
        if (!last || last.len !== s.len || last.status !== s.status) samples.push(s);
      };
      new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      snap();
    },
    [index, waitingText] as [number, string],
  );
}

export const samples = (page: UiPage): Promise<Sample[]> =>
  page.evaluate(() => (window as unknown as { __moonlitSamples?: Sample[] }).__moonlitSamples ?? [], null);

/** How many times the text grew past every earlier length while the answer was still streaming. */
export function growthSteps(list: Sample[]): number {
  let max = 0;
  let steps = 0;
  for (const s of list) {
    if (s.status !== 'streaming') continue;
    if (s.len > max) {
      steps++;
      max = s.len;
    }
  }
  return steps;
}

/** Types a question into "Ask about this page" and clicks "Send". */
export async function ask(page: UiPage, question: string): Promise<void> {
  await page.fill('Ask about this page', question);
  await page.click('Send');
}

/**
 * Waits until the turn that asked `question` has an answer with one of `statuses`, and returns it. Found by its
 * question, not by position: a question left waiting (a PDF's password, an attachment being read) may be sent by
 * itself at any moment and take the next position.
 */
export async function waitForTurn(page: UiPage, question: string, statuses: string[], timeoutMs = 20_000): Promise<AnswerState> {
  const find = ([q, wanted]: [string, string[]]) => {
    const turn = [...document.querySelectorAll<HTMLElement>('.turn')].findLast((t) => t.querySelector<HTMLElement>('.question')?.innerText.trim() === q);
    const el = turn?.querySelector<HTMLElement>('[data-role="answer"]');
    const status = el?.getAttribute('data-status') ?? '';
    if (!el || (wanted.length && !wanted.includes(status))) return null;
    return { count: document.querySelectorAll('[data-role="answer"]').length, status, text: el.innerText.replace(/\s+/g, ' ').trim() };
  };
  return waitInPage(page, `the answer to "${question.slice(0, 80)}" to reach ${statuses.join(' or ')}`, find, [question, statuses] as [string, string[]], {
    timeoutMs,
    describe: async () =>
      JSON.stringify(await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.turn')].map((t) => t.innerText.slice(0, 120)), null)) +
      ' alerts: ' +
      (await alerts(page)),
  });
}
