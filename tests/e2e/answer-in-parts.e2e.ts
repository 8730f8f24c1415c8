// A question about a page too long for the model, answered in parts, in Chromium and Firefox ESR against the
// simulator: "Answer in parts" in the coverage notice takes the typed question; each part goes alone, in order, with
// the question, through a 429; the progress line says which part is read; a question sent plainly is kept as a turn
// saying why nothing was sent, whose "Answer in parts" reuses the notes; the answer's citation shows the original
// passage; Stop mid-way keeps the notes that arrived, and so does a reopened panel.
// Run: npx tsx --test --test-reporter=spec tests/e2e/answer-in-parts.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { RecordedRequest } from '../simulator/server';
import { answerCount, answerState, ask, waitForAnswerStatus } from './lib/answers';
import { chatCount, lastMessage } from './lib/fault-flow';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { useMoonlit, type BrowserKind } from './lib/moonlit';
import { chooseModelAndSave, openOptions } from './lib/options-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';

const SMALL_MODEL = 'moonshot-v1-8k';
const TITLE = 'The Long Apiary Journal';
const SECTIONS = 12;
const marker = (s: number) => `Marker sentence for section ${s} of the long apiary journal.`;
const question = (r: RecordedRequest) => lastMessage(r).content ?? '';
/** The page text a request carried (the fixed prompts quote markers too). */
const pageOf = (r: RecordedRequest) => /<page_content>(.*)<\/page_content>/.exec(messagesText(r))?.[1] ?? '';
const partOf = (r: RecordedRequest) => /^This is part (\d+) of (\d+)/.exec(question(r));

/** Records every text the progress line shows, from inside the panel. */
const watchProgress = (panel: UiPage) =>
  panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const text = document.querySelector<HTMLElement>('.parts-progress')?.innerText.replace(/\s+/g, ' ').trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, null);
const progressSeen = (panel: UiPage) => panel.evaluate(() => (window as unknown as { __progress: string[] }).__progress, null);

/** The quote the panel previews for citation `n` of the last answer, once its button has the focus. */
async function citePreview(panel: UiPage, n: number): Promise<string> {
  return waitInPage(
    panel,
    `the preview of citation ${n}`,
    (k: number) => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-role="answer"] button.md-cite[data-cite="${k}"]`);
      const button = buttons[buttons.length - 1];
      if (!button) return null;
      button.focus();
      return document.querySelector<HTMLElement>('.cite-preview')?.innerText.replace(/\s+/g, ' ').trim() || null;
    },
    n,
  );
}

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`Answer in parts (${kind})`, () => {
    const moonlit = useMoonlit(kind);
    const Q = 'What does the journal say about the marker of section 3?';
    // A small model, so that the long page does not fit.
    before(async () => {
      const options = await openOptions(moonlit().b);
      await chooseModelAndSave(options, SMALL_MODEL);
      await options.close();
    });

    it('a question about a page too long is answered in parts: one request per part with the question, through a 429, with progress; its citation shows the original passage', {
      timeout: 240_000,
    }, async () => {
      const m = moonlit();
      const { panel: opened } = await m.panelFor(m.site.url('long-article.html'), TITLE);
      const panel = opened.ui;
      await waitInPage(panel, 'the coverage notice to say the page does not fit', () => document.querySelector('[data-fits="false"]') !== null, null);
      await watchProgress(panel);

      // The typed question makes the notice offer to answer it in parts.
      const answerParts = msg('coverageAnswerParts');
      assert.equal(await panel.count('button', answerParts), 0, 'no "Answer in parts" before a question is typed');
      await panel.fill(msg('panelAskLabel'), Q);
      await waitFor('"Answer in parts" in the coverage notice', async () => (await panel.count('button', answerParts)) === 1);
      const before = chatCount(m.sim);
      // Part 1 answers; part 2 meets the rate limit once; the rest answer.
      m.sim.script(
        {},
        {
          error: {
            status: 429,
            type: 'rate_limit_reached_error',
            message: 'Your account org-e2e request reached max RPM: 3, please try again after 1 seconds',
          },
        },
      );
      await panel.click(answerParts);
      const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 180_000);
      assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text.slice(0, 300)}`);
      assert.equal(await panel.evaluate(() => document.querySelector('textarea')!.value, null), '', 'the question left the box once asked');

      const sent = chatRequests(m.sim.log).slice(before);
      const parts = sent.filter((r) => partOf(r));
      const n = Number(partOf(parts[0])![2]);
      assert.ok(n >= 3, `the page should need several parts with ${SMALL_MODEL}; it was cut into ${n}`);
      assert.deepEqual(
        parts.map((r) => Number(partOf(r)![1])),
        [1, 2, ...Array.from({ length: n - 1 }, (_, i) => i + 2)],
        'parts go out in order, part 2 again after the 429',
      );
      // One at a time: each request reached the simulator only after the one before had its answer started.
      for (let i = 1; i < sent.length; i++)
        assert.ok(sent[i].receivedAt >= (sent[i - 1].firstByteAt ?? Infinity), `request ${i + 1} came before request ${i} was answered`);
      for (const r of parts) {
        assert.ok(question(r).includes(Q), 'every part carries the question');
        assert.ok(question(r).includes('bears on the question'), 'every part is asked what bears on the question');
        assert.equal((r.json as { model?: string }).model, SMALL_MODEL);
      }
      const answered = [parts[0], ...parts.slice(2)];
      for (let s = 1; s <= SECTIONS; s++)
        assert.equal(answered.filter((r) => pageOf(r).includes(marker(s))).length, 1, `section ${s} went in exactly one answered part`);
      // Passage numbers run on across the parts, never restarting.
      const numbers = answered.flatMap((r) => [...pageOf(r).matchAll(/\[P(\d+)\] /g)].map((x) => Number(x[1])));
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => i + 1),
        "the parts carry the page's passage numbers 1…N in order",
      );
      const final = sent.at(-1)!;
      assert.equal(sent.length, parts.length + 1, 'one final request after the parts');
      assert.match(question(final), new RegExp(`read in ${n} parts`));
      assert.ok(question(final).endsWith(Q), 'the final request ends with the question');
      for (let k = 1; k <= n; k++) assert.ok(messagesText(final).includes(`Notes on part ${k} of ${n}`), `the final request carries the notes on part ${k}`);
      assert.ok(!pageOf(final).includes(marker(1)), 'the final request carries notes, not the page');
      const progress = await progressSeen(panel);
      for (let k = 1; k <= n; k++)
        assert.ok(
          progress.some((p) => p.includes(msg('partsReadingAnswer', k, n))),
          `the panel showed "${msg('partsReadingAnswer', k, n)}"; it showed ${JSON.stringify(progress)}`,
        );
      // The countdown says 1 s or 2 s (the wait is 1 s and a little jitter, counted up): any number of seconds will do.
      const [waitHead, waitTail] = msg('partsWaiting', '\u0000').split('\u0000');
      assert.ok(
        progress.some((p) => p.includes(waitHead) && p.includes(waitTail)),
        `the panel showed the rate-limit wait; it showed ${JSON.stringify(progress)}`,
      );
      assert.ok(
        progress.some((p) => p.includes(msg('partsCombiningAnswer', n))),
        'the panel said it was writing the answer',
      );

      // Asked plainly, the question is kept with why nothing was sent; "Answer in parts" there reuses the notes.
      const third = Number(/\[P(\d+)\] Marker sentence for section 3 /.exec(answered.map(pageOf).join(' '))?.[1]);
      assert.ok(third > 0, "section 3's marker sentence went out with its passage number");
      const beforePlain = chatCount(m.sim);
      await ask(panel, Q);
      await waitInPage(
        panel,
        'the turn to say the page is too long',
        (title: string) => [...document.querySelectorAll<HTMLElement>('[role="alert"]')].some((a) => a.innerText.includes(title)),
        msg('errTooLongTitle'),
      );
      assert.equal(await panel.count('button', answerParts), 1, 'the turn offers "Answer in parts"');
      m.sim.script({ content: `Section 3 opens with its marker sentence [P${third}].` });
      await panel.click(answerParts);
      // Not 'error' here: until the click re-renders, this turn is still the plain question's (an error).
      const second = await waitForAnswerStatus(panel, 1, ['done', 'stopped'], 60_000);
      assert.equal(second.status, 'done', `the second answer ended as ${second.status}: ${second.text.slice(0, 300)}`);
      const again = chatRequests(m.sim.log).slice(beforePlain);
      assert.equal(again.length, 1, 'nothing was sent for the plain question, and the parts read already were not sent again');
      assert.match(question(again[0]), new RegExp(`read in ${n} parts`));
      assert.equal(await answerCount(panel), 2, "the plain question's turn became the answer in parts");
      const preview = await citePreview(panel, third);
      assert.ok(preview.includes(marker(3)), `the citation shows section 3's marker sentence; it showed "${preview}"`);
      await opened.close();
    });

    it('Stop while a part is read keeps the notes that arrived, in the reopened panel too', { timeout: 120_000 }, async () => {
      const m = moonlit();
      const { tab, panel: opened, tabId } = await m.panelFor(m.site.url('long-article.html?stop'), TITLE);
      const panel = opened.ui;
      await panel.fill(msg('panelAskLabel'), 'Which hive was weighed first?');
      await waitFor('"Answer in parts"', async () => (await panel.count('button', msg('coverageAnswerParts'))) === 1);
      const before = chatCount(m.sim);
      // Parts 1 and 2 answer with recognisable notes; part 3 sends a little and then says nothing for long.
      m.sim.script(
        { content: '- Part one notes: hive A was weighed before breakfast.' },
        { content: '- Part two notes: lime trees.' },
        { content: '- Part three, cut', pause: { afterChunk: 1, ms: 120_000 } },
      );
      await panel.click(msg('coverageAnswerParts'));
      await waitFor(
        'the third part to be asked',
        () =>
          chatRequests(m.sim.log)
            .slice(before)
            .filter((r) => partOf(r)).length === 3,
      );
      await waitInPage(
        panel,
        'the progress line on part 3',
        (line: string) => document.querySelector<HTMLElement>('.parts-progress')?.innerText.includes(line) ?? false,
        msg('partsReadingAnswer', 3, Number(partOf(chatRequests(m.sim.log).at(-1)!)![2])),
      );
      await panel.click(msg('panelStop'));
      const end = await waitForAnswerStatus(panel, 0, ['stopped', 'done', 'error']);
      assert.equal(end.status, 'stopped');
      for (const text of ['Part one notes: hive A was weighed before breakfast.', 'Part two notes: lime trees.'])
        assert.ok(end.text.includes(text), `the stopped turn keeps "${text}": ${end.text.slice(0, 300)}`);
      assert.ok(!end.text.includes('Part three, cut'), 'the part stopped mid-way is not shown as notes');
      assert.equal(await panel.evaluate(() => document.querySelector('.parts-progress') === null, null), true, 'the progress line is gone');
      assert.equal(chatRequests(m.sim.log).length - before, 3, 'nothing was sent after Stop');
      await opened.close();

      // A new panel on the same tab shows the same turn, stopped, with a way to carry on.
      const reopened = (await m.open(`${m.b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
      const back = await waitForAnswerStatus(reopened, 0, ['stopped', 'done', 'error']);
      assert.equal(back.status, 'stopped');
      // The status shows at once; the text once the Markdown renderer (loaded after the first paint) has drawn it.
      await waitFor('the reopened panel to show the notes as they were', async () => (await answerState(reopened, 0)).text === end.text || null);
      assert.equal(await reopened.count('button', msg('panelContinue')), 1, 'Continue is offered');
      await reopened.close();
      await tab.close();
    });
  });
}
