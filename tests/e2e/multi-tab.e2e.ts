// Several tabs in one question, in Chromium and Firefox ESR against the simulator: five loopback tabs besides the
// panel (the bound one, two added with "Add tabs", one with `@`, one restricted), one navigated after it was added and
// one closed. The picker lists the restricted tab disabled with its reason; the request carries each source in its own
// wrapper, the navigated tab read again and the closed one with its last text; a citation of another tab switches to
// it and highlights the passage; the history of a reopened panel shows the sources, and opening the conversation
// from it makes its open tabs chips again and names the closed one. With a small model, a long tab
// gets the share the chip shows, and the prompt says so.
// Run: npx tsx --test --test-reporter=spec tests/e2e/multi-tab.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedRequest, Simulator } from '../simulator/server';
import { ask, waitForTurn } from './lib/answers';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { useMoonlit, type BrowserKind } from './lib/moonlit';
import { chooseModelAndSave, openOptions } from './lib/options-flow';
import { closeTab, createTab, citeMarkIn, isActive, navigateTab, tabTitle, windowOf } from './lib/tabs-flow';
import { PDF_SENTENCE, PDF_TITLE, startPdfServer } from './lib/documents-site';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';

const title = (name: string) => `The ${name[0].toUpperCase()}${name.slice(1)} Orchard Notes`;
const sentence = (name: string) => `The ${name} orchard keeps its own ledger of blossoms`;
/** Every system message of a chat request, in order. */
const systems = (r: RecordedRequest) =>
  ((r.json as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [])
    .filter((m) => m.role === 'system')
    .map((m) => String(m.content));
const chipNames = (panel: UiPage) =>
  panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.source-chip .source-title')].map((e) => e.innerText.trim()), null);

/** Waits until `n` chips have the "Remove <title>" button (titles may repeat); on a timeout, says what the panel shows. */
const waitForChips = (panel: UiPage, title: string, n: number) =>
  waitInPage(
    panel,
    `${n} chip(s) of "${title}"`,
    ([name, count]: [string, number]) => document.querySelectorAll(`.source-chip button[aria-label="${CSS.escape(name)}"]`).length === count,
    [msg('tabsRemove', title), n] as [string, number],
    { describe: () => panel.evaluate(() => document.body.innerText.slice(-3000), null) },
  );

/** Asks `question`, waits for its answer, and returns the one chat request it made. */
async function askOne(sim: Simulator, panel: UiPage, question: string): Promise<RecordedRequest> {
  const before = chatRequests(sim.log).length;
  await ask(panel, question);
  const end = await waitForTurn(panel, question, ['done', 'error'], 60_000);
  assert.equal(end.status, 'done', end.text);
  const sent = chatRequests(sim.log).slice(before);
  assert.equal(sent.length, 1, 'one request went');
  return sent[0];
}

/** Dispatches a key press in the question box (the box handles keydown; no OS key event is needed for this list). */
const press = (panel: UiPage, key: string) =>
  panel.evaluate((k: string) => {
    document.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  }, key);

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`Several tabs in one question (${kind})`, () => {
    const moonlit = useMoonlit(kind);
    /** Whether the cited passage was marked in the other tab, or why not (checked in its own test below). */
    let marked: Promise<true | string> = Promise.resolve('the citation was never clicked');

    it('Add tabs and @ add tabs; the request carries each source in its own wrapper, fresh; a citation switches tab; history keeps the sources', {
      timeout: 240_000,
    }, async () => {
      const m = moonlit();
      const { panel: opened, tabId: alpha } = await m.panelFor(m.site.url('tabs/alpha.html'), title('alpha'));
      const panel = opened.ui;
      const win = await windowOf(m.helper, alpha);
      const beta = await createTab(m.helper, win, m.site.url('tabs/beta.html'));
      const gamma = await createTab(m.helper, win, m.site.url('tabs/gamma.html'));
      const epsilon = await createTab(m.helper, win, m.site.url('tabs/epsilon.html'));
      const restricted = await createTab(m.helper, win, 'about:blank');
      // Chromium names it by its address, Firefox "New Tab" (like its own first tab): every such entry must be disabled.
      const blankTitle = await tabTitle(m.helper, restricted);

      // "Add tabs": the window's tabs as checkboxes named by their titles; the restricted one disabled, with why.
      await panel.click(msg('tabsAdd'));
      await waitInPage(
        panel,
        'the picker to list the tabs',
        (t: string) => [...document.querySelectorAll<HTMLInputElement>('.tab-picker input[type=checkbox]')].some((c) => c.getAttribute('aria-label') === t),
        title('beta'),
      );
      const listed = await panel.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('.tab-entry')].map((li) => ({
            name: li.querySelector('input')!.getAttribute('aria-label'),
            disabled: li.querySelector('input')!.disabled,
            why: li.querySelector<HTMLElement>('.tab-why')?.innerText.trim() ?? '',
          })),
        null,
      );
      const blank = listed.filter((e) => e.name === blankTitle);
      assert.ok(blank.length, `the restricted tab is listed: ${JSON.stringify(listed)}`);
      for (const e of blank) assert.deepEqual([e.disabled, e.why], [true, msg('tabsWhyBrowserPage')]);
      assert.equal(listed.find((e) => e.name === title('alpha'))?.disabled, true, 'the bound tab is a source already');
      assert.equal(listed.find((e) => e.name === title('beta'))?.disabled, false);
      // The search box filters the list.
      // The search box filters the list by title or host; what is checked stays checked across searches.
      for (const name of ['gamma', 'beta']) {
        await panel.fill(msg('tabsSearch'), name.toUpperCase());
        await waitInPage(
          panel,
          `the search to leave only ${name}`,
          (t: string) => {
            const boxes = [...document.querySelectorAll<HTMLInputElement>('.tab-picker input[type=checkbox]')];
            if (boxes.length !== 1 || boxes[0].getAttribute('aria-label') !== t) return false;
            if (!boxes[0].checked) boxes[0].click();
            return boxes[0].checked;
          },
          title(name),
        );
      }
      await panel.click(msg('tabsAddPicked'));
      await waitFor(
        'the two chips',
        async () =>
          (await panel.count('button', msg('tabsRemove', title('gamma')))) === 1 && (await panel.count('button', msg('tabsRemove', title('beta')))) === 1,
      );
      // The bound tab is a chip too, removable.
      assert.equal(await panel.count('button', msg('tabsRemove', title('alpha'))), 1);

      // `@` opens the same list in the question box, filtered by what follows; Enter adds the active tab.
      await panel.fill(msg('panelAskLabel'), 'Compare @Epsi');
      await waitInPage(
        panel,
        'the @ list to show epsilon',
        (t: string) => {
          const options = [...document.querySelectorAll<HTMLElement>('#tab-mentions [role=option]')];
          return options.length === 1 && options[0].innerText.includes(t);
        },
        title('epsilon'),
      );
      await press(panel, 'Enter');
      await waitFor('the epsilon chip', async () => (await panel.count('button', msg('tabsRemove', title('epsilon')))) === 1);
      assert.equal(await panel.evaluate(() => document.querySelector('textarea')!.value, null), 'Compare ', 'the @ query left the box');
      assert.deepEqual(await chipNames(panel), [title('alpha'), title('beta'), title('gamma'), title('epsilon')]);

      // Gamma goes to another page after it was added; epsilon is closed (its chip says so at once).
      await navigateTab(m.helper, gamma, m.site.url('tabs/delta.html'));
      await closeTab(m.helper, epsilon);
      await waitInPage(panel, 'the closed chip', () => document.querySelector('.source-chip[data-status="closed"]') !== null, null);

      // alpha [P1], beta [P2], delta (gamma read again) [P3], epsilon [P4]: the answer cites delta's passage.
      const before = chatRequests(m.sim.log).length;
      m.sim.script({ content: 'Alpha flowered in April [P1], and so did the delta trees [P3].' });
      const Q = 'Compare the orchards.';
      await ask(panel, Q);
      const done = await waitForTurn(panel, Q, ['done', 'error', 'stopped'], 60_000);
      assert.equal(done.status, 'done', done.text);
      const sent = chatRequests(m.sim.log).slice(before);
      assert.equal(sent.length, 1, 'one request');
      const s = systems(sent[0]);
      const of = (name: string) => s.filter((c) => c.includes(sentence(name)));
      for (const name of ['alpha', 'beta', 'delta', 'epsilon']) {
        assert.equal(of(name).length, 1, `${name} is in exactly one system message`);
        assert.equal(of(name)[0].match(/<page_content>/g)?.length, 1, `${name} has its own wrapper`);
      }
      assert.equal(s.filter((c) => c.includes(sentence('gamma'))).length, 0, 'the navigated tab was read again: its old text is gone');
      assert.match(of('beta')[0], new RegExp(`Title: ${title('beta')}\\nURL: ${m.site.url('tabs/beta.html')}`));
      assert.match(of('delta')[0], /\[P3\] The delta orchard/);
      assert.match(of('epsilon')[0], /has been closed/);
      assert.ok(!s.some((c) => c.includes('about:blank')), 'the restricted tab never went');
      for (const name of ['beta', 'delta', 'epsilon']) assert.doesNotMatch(of(name)[0], /only the first/, `${name} went whole`);
      await waitInPage(panel, 'the navigated chip', () => document.querySelector('.source-chip[data-status="navigated"]') !== null, null);

      // Hovering the citation names the tab; clicking it switches to that tab and highlights the passage there.
      const preview = await waitInPage(
        panel,
        'the preview of [P3]',
        () => {
          const button = [...document.querySelectorAll<HTMLButtonElement>('[data-role="answer"] button.md-cite[data-cite="3"]')].at(-1);
          button?.focus();
          return document.querySelector<HTMLElement>('.cite-preview')?.innerText ?? null;
        },
        null,
      );
      assert.ok(preview.includes(msg('tabsCitedFrom', title('delta'))), preview);
      assert.equal(await isActive(m.helper, gamma), false);
      await panel.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[data-role="answer"] button.md-cite[data-cite="3"]')].at(-1)!.click(), null);
      await waitFor('the delta tab to come to the front', () => isActive(m.helper, gamma));
      marked = waitFor('the passage marked in the delta tab', async () => {
        const mark = await citeMarkIn(m.helper, gamma);
        return mark === 'overlay' || mark.some((h) => h.startsWith(sentence('delta')));
      }).then(
        () => true,
        (e: unknown) => String(e),
      );
      await marked;

      // A reopened panel's history shows the conversation's sources.
      await opened.close();
      const again = await m.open(`${m.b.origin}/sidepanel.html?tabId=${alpha}`);
      await again.ui.click(msg('panelHistory'));
      const shown = await waitInPage(
        again.ui,
        'the sources in the history',
        () => document.querySelector<HTMLElement>('.history-sources')?.innerText ?? null,
        null,
      );
      for (const name of ['alpha', 'beta', 'delta', 'epsilon']) assert.ok(shown.includes(title(name)), `${name} in "${shown}"`);
      // Opened from history, the conversation's tabs are chips again, read as they are now; the closed one is named.
      await again.ui.evaluate(() => document.querySelector<HTMLButtonElement>('.history-open')!.click(), null);
      await waitFor('the restored chips', async () => (await chipNames(again.ui)).join('|') === [title('alpha'), title('beta'), title('delta')].join('|'));
      await waitInPage(
        again.ui,
        'the closed tab named',
        (t: string) => [...document.querySelectorAll<HTMLElement>('.source-bar .notice p')].some((p) => p.innerText.trim() === t),
        msg('tabsRestoreMissing', title('epsilon')),
      );
      await again.close();
      void beta;
    });

    it('a citation of another tab marks the passage in that tab', async () => {
      assert.equal(await marked, true);
    });

    it('a PDF tab is read in the panel and goes with its page markers; a scanned one is named with what it needs', { timeout: 240_000 }, async () => {
      const m = moonlit();
      const pdfs = await startPdfServer();
      try {
        const { panel: opened, tabId } = await m.panelFor(m.site.url('tabs/beta.html'), title('beta'));
        const panel = opened.ui;
        const win = await windowOf(m.helper, tabId);
        const paths = ['/ledger.pdf', '/scan.pdf'];
        for (const path of paths) await createTab(m.helper, win, pdfs.url(path));
        await panel.click(msg('tabsAdd'));
        // Checked by address (host and the picker's title differ between the browsers' viewers).
        await waitInPage(
          panel,
          'the two PDF tabs checked in the picker',
          (hosts: string[]) => {
            const entries = [...document.querySelectorAll<HTMLElement>('.tab-entry')].filter((li) => !li.querySelector('input')!.disabled);
            const pdfEntries = entries.filter((li) => hosts.some((h) => li.innerText.includes(h)));
            for (const li of pdfEntries) if (!li.querySelector('input')!.checked) li.querySelector('input')!.click();
            return pdfEntries.length === 2 && pdfEntries.every((li) => li.querySelector('input')!.checked);
          },
          [new URL(pdfs.url('/')).host],
        );
        await panel.click(msg('tabsAddPicked'));
        await waitForChips(panel, PDF_TITLE, 1);
        // The scanned PDF is not added (recognition needs the user's yes, given in its own tab); the note says so.
        await waitInPage(
          panel,
          'the note naming what the scanned PDF needs',
          (why: string) => [...document.querySelectorAll<HTMLElement>('.source-bar .notice p')].some((p) => p.innerText.includes(why)),
          msg('tabsReasonPdfScan'),
        );
        m.sim.script({ content: 'Forty-two storms [P3].' });
        const sent = await askOne(m.sim, panel, 'How many storms are in the ledger?');
        const ledger = systems(sent).find((c) => c.startsWith('Another tab') && c.includes(PDF_SENTENCE));
        assert.ok(ledger, 'the PDF went in its own message');
        // Its page markers are real: each passage opens after its page's marker line, numbered on from beta's.
        assert.match(ledger, /--- Page 1 ---\n\[P\d+\] Introduction to the ledger\./);
        assert.match(ledger, new RegExp(`--- Page 2 ---\\n\\[P\\d+\\] ${PDF_SENTENCE.replace(/[.]/g, '\\.')}`));
        await opened.close();
      } finally {
        // Chromium's viewer keeps its connection open while the tab shows the PDF: close() alone waits for it.
        pdfs.server.closeAllConnections();
        await pdfs.close();
      }
    });

    it('with a small model three long tabs are refused with the ways out, nothing sent; one long tab gets its share by size, shown and said', {
      timeout: 240_000,
    }, async () => {
      const m = moonlit();
      const options = await openOptions(m.b);
      await chooseModelAndSave(options, 'moonshot-v1-8k');
      await options.close();
      const { panel: opened, tabId } = await m.panelFor(m.site.url('tabs/beta.html'), title('beta'));
      const panel = opened.ui;
      const win = await windowOf(m.helper, tabId);
      // Three copies of the long page: shared by size, each keeps less than the fifth a question needs.
      for (const copy of ['', '?2', '?3']) await createTab(m.helper, win, m.site.url(`long-article.html${copy}`));
      await panel.click(msg('tabsAdd'));
      const long = await waitInPage(
        panel,
        'the three long tabs checked in the picker',
        () => {
          const boxes = [...document.querySelectorAll<HTMLInputElement>('.tab-picker input[type=checkbox]')].filter(
            (c) => !c.disabled && c.getAttribute('aria-label')?.includes('Long'),
          );
          for (const box of boxes) if (!box.checked) box.click();
          return boxes.length === 3 && boxes.every((b) => b.checked) ? boxes[0].getAttribute('aria-label') : null;
        },
        null,
      );
      await panel.click(msg('tabsAddPicked'));
      await waitForChips(panel, long, 3);
      const refusedFrom = chatRequests(m.sim.log).length;
      const Q0 = 'What do the three long pages say?';
      await ask(panel, Q0);
      const refused = await waitForTurn(panel, Q0, ['done', 'error'], 60_000);
      assert.equal(refused.status, 'error', refused.text);
      const notice = await panel.evaluate((q: string) => {
        const turn = [...document.querySelectorAll<HTMLElement>('.turn')].findLast((t) => t.querySelector<HTMLElement>('.question')?.innerText.trim() === q);
        const box = turn?.querySelector<HTMLElement>('.error-notice');
        return { text: box?.innerText ?? '', buttons: [...(box?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim() ?? '') };
      }, Q0);
      // The choices: a larger model from the account's models, answering in parts, and removing tabs (said).
      const [larger] = msg('coverageUseLarger', '\u0000').split('\u0000');
      assert.ok(
        notice.buttons.some((b) => b.startsWith(larger)),
        `a larger model is offered: ${notice.buttons.join(' | ')}`,
      );
      assert.ok(notice.buttons.includes(msg('coverageAnswerParts')), `answering in parts is offered: ${notice.buttons.join(' | ')}`);
      const advice = msg('tabsTooLongAdvice', '4', 'moonshot-v1-8k', '\u0000', long);
      assert.ok(notice.text.includes(advice.split('\u0000')[1]), `the notice names the tab and says to remove tabs: ${notice.text}`);
      // Two copies removed: the one left keeps enough. The question after it is the only request since the refused one.
      for (let left = 2; left > 0; left--) {
        await panel.evaluate(
          (name: string) =>
            [...document.querySelectorAll<HTMLButtonElement>('.source-chip button')].findLast((b) => b.getAttribute('aria-label') === name)!.click(),
          msg('tabsRemove', long),
        );
        await waitForChips(panel, long, left);
      }
      const reads = await waitInPage(
        panel,
        'the long chip to say how much Kimi reads',
        (t: string) => {
          const chip = [...document.querySelectorAll<HTMLElement>('.source-chip')].find((c) => c.querySelector('.source-title')?.textContent === t);
          return chip?.querySelector<HTMLElement>('.source-cover')?.innerText.trim() ?? null;
        },
        long,
        { describe: () => panel.evaluate(() => document.querySelector<HTMLElement>('.source-bar')?.innerText ?? '', null) },
      );
      const percent = /(\d+)%/.exec(reads)?.[1];
      assert.ok(percent && Number(percent) < 100, reads);
      const Q = 'What is the long page about?';
      const sent = await askOne(m.sim, panel, Q);
      assert.equal(chatRequests(m.sim.log).length - refusedFrom, 1, 'the refused question sent nothing');
      assert.ok(sent.body.includes(Q), 'the request is the later question');
      const s = systems(sent);
      const tabMessage = s.find((c) => c.startsWith('Another tab') && c.includes(long));
      assert.ok(tabMessage, `the long tab went in its own message: ${s.map((c) => c.slice(0, 120)).join(' | ')}`);
      assert.match(tabMessage, new RegExp(`only the first ${percent}% of this tab fit`));
      assert.ok(
        s.some((c) => c.includes(sentence('beta'))),
        'the short bound page went whole beside it',
      );
    });
  });
}
