// The selection that goes with a question is the one the panel shows, in Chromium: the panel shows the page's
// selection above the question box (components/panel/selection-line.tsx) and follows it while the user selects in
// the page; the question carries exactly that (utils/panel/quick-ask.ts), and the worker never puts in one read at
// the click (utils/background/tab-sources.ts). A page that selects other text when the user clicks into the panel
// (its own `blur`/`visibilitychange` handler) gets that text neither shown nor sent.
// Run: npx tsx --test tests/e2e/selection-shown.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { answerCount } from './lib/answers';
import type { RawPage } from './lib/chrome-pages';
import { msg } from './lib/messages';
import { useMoonlit } from './lib/moonlit';
import { articleAndPanel, leaveAskBox, selectParagraph, sentWith, shownSelection, waitForShownSelection } from './lib/selection-flow';
import { waitInPage } from './lib/ui-driver';

describe('The selection the panel shows is the one sent, in Chromium', () => {
  const m = useMoonlit('chromium');
  let tab: RawPage;
  let panel: RawPage;

  before(async () => {
    ({ tab, panel } = await articleAndPanel(m(), 'shown'));
  });

  /** Sends `question` with Send and returns the user message of the one request carrying it. */
  async function send(question: string): Promise<string> {
    await panel.ui.fill(msg('panelAskLabel'), question);
    const index = await answerCount(panel.ui);
    await panel.ui.click(msg('panelSend'));
    return sentWith(panel.ui, m().sim, question, index);
  }

  it("a page that selects other text as the user clicks into the panel: the shown selection goes, not the page's", { timeout: 60_000 }, async () => {
    // The page's own script: when the window loses focus or is hidden, it selects the last paragraph.
    const planted: string = await tab.page.evaluate(`(() => {
      const grab = () => {
        const ps = document.querySelectorAll('article p');
        const range = document.createRange();
        range.selectNodeContents(ps[ps.length - 1]);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      };
      addEventListener('blur', grab);
      document.addEventListener('visibilitychange', grab);
      return [...document.querySelectorAll('article p')].at(-1).textContent.replace(/\\s+/g, ' ').trim();
    })()`);
    await leaveAskBox(panel.ui);
    const seen = await selectParagraph(tab.ui, 1);
    assert.notEqual(seen, planted);
    await waitForShownSelection(panel.ui, seen);
    // The user clicks into the question box; the page loses focus then (an automated tab keeps its focus, so the
    // blur the browser would fire is dispatched), and its script selects other text.
    await panel.page.getByRole('textbox', { name: msg('panelAskLabel'), exact: true }).click();
    await tab.page.evaluate(() => dispatchEvent(new FocusEvent('blur')));
    await waitInPage(
      tab.ui,
      'the page to select its own text',
      (want: string) => getSelection()!.toString().replace(/\s+/g, ' ').trim() === want || undefined,
      planted,
    );
    assert.ok((await shownSelection(panel.ui)).startsWith(seen.slice(0, 60)), 'the panel should still show the selection the user made');
    const user = await send('Which passage did I select before clicking here?');
    assert.ok(user.includes(`<selection> ${seen} </selection>`), `the request should quote the selection the panel showed: ${user.slice(0, 300)}`);
    assert.ok(!user.includes(`<selection> ${planted}`), 'and never the one the page selected on blur');
  });

  it('the × leaves the shown selection out of the next question', { timeout: 60_000 }, async () => {
    await leaveAskBox(panel.ui);
    const seen = await selectParagraph(tab.ui, 2);
    await waitForShownSelection(panel.ui, seen);
    await panel.ui.click(msg('selectionShownDrop'));
    assert.equal(await shownSelection(panel.ui), '', 'the panel should show no selection once dropped');
    const user = await send('What about the page as a whole?');
    assert.ok(!user.includes('<selection>'), `the request should carry no selection: ${user.slice(0, 300)}`);
  });
});
