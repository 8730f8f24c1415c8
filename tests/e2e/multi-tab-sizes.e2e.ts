// Several tabs in one question, in Chromium and Firefox ESR against the simulator, where size matters: a tab showing a
// PDF is read in the panel and goes with its page markers, a scanned one is named with what it needs; with
// moonshot-v1-8k, three long tabs can't be served even shared by size (nothing is sent, the turn offers a larger
// model, answering in parts, or fewer tabs), and one long tab gets the share its chip shows, said in the prompt.
// Run: npx tsx --test --test-reporter=spec tests/e2e/multi-tab-sizes.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, waitForTurn } from './lib/answers';
import { PDF_SENTENCE, PDF_TITLE, startPdfServer } from './lib/documents-site';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { useMoonlit, type BrowserKind } from './lib/moonlit';
import { chooseModelAndSave, openOptions } from './lib/options-flow';
import { askOne, sentence, systems, title, waitForChips } from './lib/tabs-checks';
import { createTab, windowOf } from './lib/tabs-flow';
import { waitInPage } from './lib/ui-driver';

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`Several tabs in one question: PDFs and the budget (${kind})`, () => {
    const moonlit = useMoonlit(kind);

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
