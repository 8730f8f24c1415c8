// Local (file://) PDFs in Chromium with the e2e build. Chromium lets an extension fetch file:// only when the user
// turned on "Allow access to file URLs" for it (and it holds file:///*, which the e2e build has; production asks
// for it as an optional permission). An extension loaded with --load-extension starts with the switch on, so the
// read is tested first; then the switch is turned off the way chrome://extensions does it (developerPrivate),
// which disables the extension until it is enabled again, and the panel must say what to do and open the page.
// Run: npx tsx --test tests/e2e/documents-local.e2e.ts (after npm run build:e2e; MOONLIT_E2E_CHROME_BUILD may
// point at a private copy of the build).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { makePdf } from '../unit/documents/make-pdf';
import { ask, answerCount, waitForAnswerStatus } from './lib/answers';
import { openRaw, tabIdVia } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage } from './lib/ui-driver';

const TITLE = 'Tide Tables';
const SENTENCE = 'High water at the north pier comes at six minutes past four.';

type DevPrivate = {
  developerPrivate: {
    getExtensionInfo(id: string): Promise<{ state: string; fileAccess: { isActive: boolean } }>;
    updateExtensionConfiguration(o: { extensionId: string; fileAccess: boolean }): Promise<void>;
  };
  management: { setEnabled(id: string, on: boolean): Promise<void> };
};

describe('Local (file://) PDFs in Chromium', () => {
  let sim: Simulator;
  let b: ChromeSession;
  let dir: string;
  let fileUrl: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'moonlit-local-pdf-'));
    const path = join(dir, 'tide-tables.pdf');
    await writeFile(path, makePdf([[{ text: SENTENCE, x: 72, y: 700 }]], { title: TITLE }));
    fileUrl = pathToFileURL(path).href;
    sim = await startSimulator({ keys: [SECRET_KEY] });
    b = await launchChrome({ extension: process.env.MOONLIT_CHROME_BUILD || undefined });
    await configure(b, sim);
    sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await b?.close();
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const fileAccessOn = async (page: Page) =>
    page.evaluate(() =>
      (globalThis as unknown as { chrome: { extension: { isAllowedFileSchemeAccess(): Promise<boolean> } } }).chrome.extension.isAllowedFileSchemeAccess(),
    );

  it('with "Allow access to file URLs" on, the panel reads the local PDF and its text reaches Kimi', { timeout: 90_000 }, async () => {
    const tab = await openRaw(b.context, fileUrl);
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html`);
    assert.equal(await fileAccessOn(panel.page), true, 'an extension loaded with --load-extension should start with file access on');
    const tabId = await tabIdVia(panel.ui, fileUrl);
    await panel.page.goto(`${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, TITLE);
    const question = 'When is high water at the north pier?';
    const index = await answerCount(panel.ui);
    await ask(panel.ui, question);
    const final = await waitForAnswerStatus(panel.ui, index, ['done', 'error', 'stopped']);
    assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
    const req = chatRequests(sim.log).find((r) => messagesText(r).includes(question));
    assert.ok(req && messagesText(req).includes(SENTENCE), "the local PDF's text should go with the question");
    await panel.page.close();
    await tab.page.close();
  });

  it("with file access off, the panel says how to turn it on and opens Moonlit's page in chrome://extensions", { timeout: 90_000 }, async () => {
    // What the switch on chrome://extensions does; Chromium then disables the extension until it is enabled again.
    const settings = await b.context.newPage();
    await settings.goto('chrome://extensions/', { timeout: 30_000 });
    await settings.evaluate(
      pageFn(async (id: string) => {
        const c = (globalThis as unknown as { chrome: DevPrivate }).chrome;
        await c.developerPrivate.updateExtensionConfiguration({ extensionId: id, fileAccess: false });
      }),
      b.extensionId,
    );
    const state = () =>
      settings.evaluate(
        pageFn(async (id: string) => (await (globalThis as unknown as { chrome: DevPrivate }).chrome.developerPrivate.getExtensionInfo(id)).state),
        b.extensionId,
      );
    await waitFor('Chromium to disable the extension after the switch', async () => (await state()) === 'DISABLED');
    const enable = () =>
      settings.evaluate(
        pageFn(async (id: string) => (globalThis as unknown as { chrome: DevPrivate }).chrome.management.setEnabled(id, true)),
        b.extensionId,
      );
    // Chromium may still be reloading the extension for the switch; an enable that lands mid-reload is undone by it
    // (the flake under load). So: enable whenever it is seen disabled, until it is seen enabled.
    await waitFor(
      'the extension to be enabled again',
      async () => {
        const now = await state();
        if (now === 'DISABLED') await enable();
        return now === 'ENABLED';
      },
      30_000,
    );
    const access = await settings.evaluate(
      pageFn(async (id: string) => (await (globalThis as unknown as { chrome: DevPrivate }).chrome.developerPrivate.getExtensionInfo(id)).fileAccess.isActive),
      b.extensionId,
    );
    assert.equal(access, false, 'file access should now be off');

    const tab = await openRaw(b.context, fileUrl);
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html`);
    assert.equal(await fileAccessOn(panel.page), false);
    const tabId = await tabIdVia(panel.ui, fileUrl);
    await panel.page.goto(`${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitInPage(panel.ui, 'the file-access message', (s: string) => document.body.innerText.includes(s), msg('docFileAccessChrome'), {
      describe: () => panel.ui.evaluate(() => document.body.innerText, null),
    });
    const opened = b.context.waitForEvent('page', { timeout: 30_000 });
    await panel.ui.click(msg('docFileAccessOpen'));
    const page = await opened;
    await waitFor('the settings tab to have its address', () => page.url().startsWith('chrome://extensions') || undefined);
    assert.equal(page.url(), `chrome://extensions/?id=${b.extensionId}`);
    await page.close();
    await panel.page.close();
    await tab.page.close();
    await settings.close();
  });
});

/** Playwright serialises a function for evaluate; this keeps the argument typed. */
function pageFn<A, R>(fn: (arg: A) => R): (arg: A) => R {
  return fn;
}
