// Documents end to end in Chromium with the e2e build: a PDF tab read by the panel (pdf.js in the extension page),
// password-protected (wrong, then right password; a waiting question goes on by itself; earlier turns stay),
// encrypted-but-openable and corrupt PDFs, a scanned PDF through consent and the simulator's file-extract (then
// from the local cache; the question asked before consenting goes on by itself), and files attached with
// the "Attach files" picker (pre-upload messages; a .docx through file-extract) and a dropped file.
// "Ask about what I see" (headed, under Xvfb): documents-seen.e2e.ts; the PDF tab in Firefox ESR: documents-firefox.e2e.ts.
// Run: npx tsx --test tests/e2e/documents.e2e.ts (after npm run build:e2e). MOONLIT_CHROME_BUILD may point at a
// copy of the build when other builds could rewrite .output during the run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { SCANNED_TEXT } from '../simulator/extract';
import { waitForAnswerStatus, waitForTurn } from './lib/answers';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage } from './lib/ui-driver';
import {
  askAndCheck,
  askBoxValue,
  bodyText,
  DOCX_TEXT,
  fileRequests,
  LOCKED_PASSWORD,
  LOCKED_SENTENCE,
  LOCKED_TITLE,
  OPEN_SENTENCE,
  PDF_SENTENCE,
  PDF_TITLE,
  requestWith,
  startPdfServer,
  turnQuestions,
} from './lib/documents-site';

describe('Documents in Chromium', () => {
  let sim: Simulator;
  let pdfs: Awaited<ReturnType<typeof startPdfServer>>;
  let b: ChromeSession;

  before(async () => {
    sim = await startSimulator({ keys: [SECRET_KEY] });
    pdfs = await startPdfServer();
    // MOONLIT_CHROME_BUILD: a copy of the build, when other builds may be rewriting .output meanwhile.
    b = await launchChrome({ extension: process.env.MOONLIT_CHROME_BUILD || undefined });
    await configure(b, sim);
    sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await b?.close();
    await new Promise<void>((r) => (pdfs?.server ? pdfs.server.close(() => r()) : r()));
    await sim?.close();
  });

  async function panelForTab(url: string): Promise<{ tab: RawPage; panel: RawPage; tabId: number }> {
    const tab = await openRaw(b.context, url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    return { tab, panel, tabId };
  }

  it('a PDF tab is read by the panel, with page markers, and its text reaches Kimi', { timeout: 90_000 }, async () => {
    const { panel } = await panelForTab(pdfs.url('/ledger.pdf'));
    await waitForPanelPage(panel.ui, PDF_TITLE);
    await askAndCheck(panel.ui, sim, 'How many storms did the keeper log?', [PDF_SENTENCE, '--- Page 2 ---', `Title: ${PDF_TITLE}`]);
    assert.equal(fileRequests(sim).length, 0, 'a PDF with a text layer must not be uploaded anywhere');
    await panel.page.close();
  });

  it('a PDF whose title is hostile markup: shown and sent as text, runs nowhere in the panel', { timeout: 90_000 }, async () => {
    const { panel } = await panelForTab(pdfs.url('/hostile.pdf'));
    const dialogs: string[] = [];
    panel.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForPanelPage(panel.ui, 'Report');
    const sent = await askAndCheck(panel.ui, sim, 'What is this report?', ['A plain page under a hostile title.', '<img src=x onerror=']);
    assert.ok(sent.includes('Title: Report <img src=x onerror='), 'the hostile title should reach Kimi as the characters it is');
    const state = await panel.ui.evaluate(
      () => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        titleChildren: document.querySelector('.page-title')?.children.length ?? -1,
        title: document.querySelector('.page-title')?.textContent ?? '',
        live: document.querySelectorAll('img, script:not([src]), svg, iframe, object, embed').length,
      }),
      null,
    );
    assert.equal(state.pwned, null, 'the PDF title ran script in the panel');
    assert.equal(state.titleChildren, 0, 'the title must be plain text in the panel');
    assert.ok(state.title.includes('<img src=x'), `the panel should show the title as text; it shows "${state.title}"`);
    assert.equal(state.live, 0, 'the PDF title left live markup in the panel');
    assert.deepEqual(dialogs, [], 'a dialog opened');
  });

  it('a password-protected PDF: asks, says when the password is wrong and asks again; the waiting question goes with the text; earlier turns stay', {
    timeout: 120_000,
  }, async () => {
    const { panel, tabId } = await panelForTab(pdfs.url('/locked.pdf'));
    const prompt = (raw: RawPage, key: 'docPasswordNeeded' | 'docPasswordWrong') =>
      waitInPage(raw.ui, `"${msg(key)}"`, (s: string) => document.body.innerText.includes(s), msg(key), { describe: () => bodyText(raw.ui) });
    const enter = async (raw: RawPage, password: string) => {
      await raw.page.getByLabel(msg('docPasswordLabel'), { exact: true }).fill(password, { timeout: 30_000 });
      await raw.ui.click(msg('docPasswordOpen'));
    };
    await prompt(panel, 'docPasswordNeeded');
    await enter(panel, LOCKED_PASSWORD);
    await waitForPanelPage(panel.ui, LOCKED_TITLE);
    const first = 'How many lanterns does the locked ledger list?';
    await askAndCheck(panel.ui, sim, first, [LOCKED_SENTENCE]);
    await panel.page.close();

    // A new panel for the same tab: the conversation comes back, and the password is asked for again.
    const again = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await prompt(again, 'docPasswordNeeded');
    await waitInPage(again.ui, 'the earlier turn to be shown', (q: string) => document.body.innerText.includes(q), first);
    const question = 'What metal are the lanterns made of?';
    await again.ui.fill('Ask about this page', question);
    await again.ui.click('Send');
    await waitInPage(again.ui, 'the note that the question waits', (s: string) => document.body.innerText.includes(s), msg('askWaitsForDocument'));
    await enter(again, 'not the password');
    await prompt(again, 'docPasswordWrong');
    assert.equal(requestWith(sim, question), undefined, 'nothing may be sent before the PDF is open');
    assert.equal(await askBoxValue(again), question, 'the waiting question stays in the box');
    assert.deepEqual(await turnQuestions(again.ui), [first], 'the earlier turn stays after a wrong password');

    await enter(again, LOCKED_PASSWORD);
    await waitFor('the waiting question to be sent', () => !!requestWith(sim, question), 30_000);
    const final = await waitForAnswerStatus(again.ui, 1, ['done', 'error', 'stopped']);
    assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
    const sent = messagesText(requestWith(sim, question)!);
    assert.ok(sent.includes(LOCKED_SENTENCE), `the question should go with the PDF's text; it began: ${sent.slice(0, 400)}`);
    assert.ok(sent.includes(first), 'the earlier turn goes with it as history');
    assert.deepEqual(await turnQuestions(again.ui), [first, question]);
    assert.equal(await askBoxValue(again), '', 'the box is emptied once the question went');
    await again.page.close();
  });

  it('an encrypted PDF that needs no password (owner password only) is read without asking', { timeout: 90_000 }, async () => {
    const { panel } = await panelForTab(pdfs.url('/open-encrypted.pdf'));
    await waitForPanelPage(panel.ui, 'Fog Horn Notes');
    assert.ok(!(await bodyText(panel.ui)).includes(msg('docPasswordNeeded')), 'no password may be asked for');
    await askAndCheck(panel.ui, sim, 'When does the fog horn sound?', [OPEN_SENTENCE]);
    await panel.page.close();
  });

  it('a corrupt PDF: a clear message, nothing sent, the conversation so far kept', { timeout: 90_000 }, async () => {
    // Its own URL: earlier tests left tabs open on /ledger.pdf, and the panel binds to the first tab showing a URL.
    const { tab, panel } = await panelForTab(`${pdfs.url('/ledger.pdf')}?before-corrupt`);
    await waitForPanelPage(panel.ui, PDF_TITLE);
    const first = 'Who logged the storms?';
    await askAndCheck(panel.ui, sim, first, [PDF_SENTENCE]);
    // The tab moves on to a damaged PDF: the panel reads it (navigation) and says what is wrong.
    await tab.page.goto(pdfs.url('/corrupt.pdf'), { timeout: 30_000 });
    await waitInPage(
      panel.ui,
      'the corrupt-PDF message',
      (s: string[]) => s.every((x) => document.body.innerText.includes(x)),
      [msg('docCantRead'), msg('docCorrupt')],
      {
        describe: () => bodyText(panel.ui),
      },
    );
    assert.deepEqual(await turnQuestions(panel.ui), [first], 'the earlier turn stays on screen');
    const question = 'What does the damaged file say?';
    const before = chatRequests(sim.log).length;
    const reads = pdfs.hits.get('/corrupt.pdf') ?? 0;
    await panel.ui.fill('Ask about this page', question);
    await panel.ui.click('Send');
    // Sending reads the tab again (one more download), finds the same damage, and gives the question back.
    await waitFor('the PDF to be read again for the question', () => (pdfs.hits.get('/corrupt.pdf') ?? 0) > reads, 15_000);
    await waitInPage(panel.ui, 'the corrupt-PDF message after sending', (s: string) => document.body.innerText.includes(s), msg('docCorrupt'));
    assert.equal(chatRequests(sim.log).length, before, 'nothing may be sent about a PDF that could not be read');
    assert.equal(await askBoxValue(panel), question, 'the question stays in the box');
    assert.deepEqual(await turnQuestions(panel.ui), [first], 'the earlier turn is still there');
    await panel.page.close();
    await tab.page.close();
  });

  it('a scanned PDF asks first, goes through file-extract once (3 requests), then comes from the cache (0)', { timeout: 90_000 }, async () => {
    const url = pdfs.url('/scan.pdf');
    const { panel, tabId } = await panelForTab(url);
    const consent = msg('docOcrConsent', 'scan.pdf');
    await waitInPage(panel.ui, 'the consent notice for scan.pdf', (s: string) => document.body.innerText.includes(s), consent, {
      describe: () => bodyText(panel.ui),
    });
    assert.equal(fileRequests(sim).length, 0, 'nothing may be uploaded before the user agrees');
    // A question asked before agreeing waits, and goes on by itself once the text is recognised.
    const question = 'What does the scan say?';
    await panel.ui.fill('Ask about this page', question);
    await panel.ui.click('Send');
    await waitInPage(panel.ui, 'the note that the question waits', (s: string) => document.body.innerText.includes(s), msg('askWaitsForDocument'));
    assert.equal(requestWith(sim, question), undefined, 'nothing may be sent before the user agrees');
    assert.equal(fileRequests(sim).length, 0, 'nothing may be uploaded before the user agrees');
    await panel.ui.click(msg('docOcrAgree'));
    // The consent line names the file too: wait for it to go, then for the page to be shown.
    await waitInPage(panel.ui, 'the consent notice to go', (s: string) => !document.body.innerText.includes(s), consent, {
      describe: () => bodyText(panel.ui),
    });
    // The question went on by itself, so "Stop" may stand where "Send" was: wait for its answer first.
    await waitFor('the waiting question to go by itself', () => !!requestWith(sim, question), 30_000);
    const final = await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped']);
    assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
    await waitForPanelPage(panel.ui, 'scan.pdf');
    const files = fileRequests(sim).map((r) => `${r.method} ${r.path.replace(/^\/v1\/files\/[^/]+/, '/v1/files/ID')}`);
    assert.deepEqual(files, ['POST /v1/files', 'GET /v1/files/ID/content', 'DELETE /v1/files/ID'], 'upload, read, delete');
    assert.ok(messagesText(requestWith(sim, question)!).includes(SCANNED_TEXT), 'the question goes with the recognised text');
    assert.equal(await askBoxValue(panel), '', 'the box is emptied once the question went');
    await panel.page.close();
    // A new panel for the same tab reads the PDF again: the recognised text comes from the local cache.
    const again = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(again.ui, 'scan.pdf');
    assert.equal(fileRequests(sim).length, 3, 'the second read must not upload again');
    await askAndCheck(again.ui, sim, 'And once more, what does the scan say?', [SCANNED_TEXT]);
    await again.page.close();
  });

  it('"Attach files": clear messages before any upload; a .txt read locally; a .docx through file-extract after consent', { timeout: 120_000 }, async () => {
    const { panel, tabId } = await panelForTab(pdfs.url('/ledger.pdf'));
    await waitForPanelPage(panel.ui, PDF_TITLE);
    const before = fileRequests(sim).length;
    const chooser = panel.page.waitForEvent('filechooser', { timeout: 30_000 });
    await panel.ui.click(msg('attachFiles'));
    await (await chooser).setFiles([
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0000\u0001') },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Local note: the lamp uses paraffin.') },
      // A zip signature makes it an Office file; the simulator's file-extract returns valid UTF-8 as it is.
      { name: 'report.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(`PK\u0003\u0004 ${DOCX_TEXT}`) },
    ]);
    const expected = [msg('docEmptyFile'), msg('docWrongExtension'), msg('docUnsupportedType'), msg('attachNeedsUpload'), msg('docOcrConsent', 'report.docx')];
    await waitInPage(panel.ui, 'a message for each attached file', (all: string[]) => all.every((s) => document.body.innerText.includes(s)), expected, {
      describe: () => bodyText(panel.ui),
    });
    assert.equal(fileRequests(sim).length, before, 'nothing may be uploaded before the user agrees');
    // Sending before agreeing keeps the question and says why.
    await panel.ui.fill('Ask about this page', 'What do my files say?');
    await panel.ui.click('Send');
    await waitInPage(panel.ui, 'the hint to agree first', (s: string) => document.body.innerText.includes(s), msg('attachNeedsConsent'));
    assert.equal(await panel.page.getByRole('textbox', { name: 'Ask about this page' }).inputValue(), 'What do my files say?');
    assert.equal(requestWith(sim, 'What do my files say?'), undefined, 'nothing may be sent before the user agrees');
    await panel.ui.click(msg('attachUploadAgree'));
    const statuses = () => panel.ui.evaluate(() => [...document.querySelectorAll('.attach-item')].map((e) => e.getAttribute('data-status')), null);
    await waitInPage(
      panel.ui,
      'report.docx to be read by Kimi',
      () => [...document.querySelectorAll('.attach-item')].every((e) => ['ready', 'failed', 'image'].includes(e.getAttribute('data-status') ?? '')),
      null,
      { describe: async () => JSON.stringify(await statuses()) },
    );
    assert.deepEqual(await statuses(), ['failed', 'failed', 'failed', 'ready', 'ready'], 'empty, wrong extension, unsupported; then two read');
    const files = fileRequests(sim)
      .slice(before)
      .map((r) => r.method);
    assert.deepEqual(files, ['POST', 'GET', 'DELETE'], 'the .docx goes through upload, read, delete');
    const upload = fileRequests(sim)[before];
    assert.ok(upload.body.includes('report.docx') && upload.body.includes('file-extract'), 'the upload names the file and the purpose');
    // The question sent before agreeing went on by itself, with the .docx's text.
    await waitFor('the waiting question to go by itself', () => !!requestWith(sim, 'What do my files say?'), 30_000);
    const waited = await waitForTurn(panel.ui, 'What do my files say?', ['done', 'error', 'stopped']);
    assert.equal(waited.status, 'done', `the answer ended as "${waited.status}": ${waited.text}`);
    assert.ok(messagesText(requestWith(sim, 'What do my files say?')!).includes(DOCX_TEXT), 'it went with the .docx text');
    assert.equal(await askBoxValue(panel), '', 'the box is emptied once the question went');
    // A file dropped on the panel is attached the same way (a real drop event carrying a File).
    await panel.ui.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped memo: the fog bell rings twice.'], 'memo.md', { type: 'text/markdown' }));
      const target = document.querySelector('.turns') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, null);
    await waitInPage(panel.ui, 'the dropped memo.md to be read', () => document.querySelectorAll('.attach-item[data-status="ready"]').length === 3, null, {
      describe: async () => JSON.stringify(await statuses()),
    });
    await askAndCheck(panel.ui, sim, 'What do the attached files say about marmots?', [
      DOCX_TEXT,
      'the lamp uses paraffin',
      'the fog bell rings twice',
      PDF_SENTENCE,
    ]);
    await panel.page.close();

    // Reopened: each turn shows the files it was asked with, their kept texts are attached again, and a
    // follow-up still goes with them (nothing uploaded again).
    const uploads = fileRequests(sim).length;
    const again = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    const turnFiles = () =>
      again.ui.evaluate(
        () => [...document.querySelectorAll('.turn')].map((t) => [...t.querySelectorAll('.turn-file .attach-name')].map((e) => e.textContent)),
        null,
      );
    await waitInPage(again.ui, 'the turns to list their files', () => document.querySelectorAll('.turn-file').length >= 5, null, {
      describe: () => bodyText(again.ui),
    });
    const listed = (await turnFiles()).filter((names) => names.length);
    assert.deepEqual(listed.at(-1), ['notes.txt', 'report.docx', 'memo.md'], 'the last question was asked with three files');
    assert.deepEqual(listed.at(-2), ['notes.txt', 'report.docx'], 'the question that waited for consent had two');
    const restored = () =>
      again.ui.evaluate(() => [...document.querySelectorAll('.attach-item[data-status="ready"] .attach-name')].map((e) => e.textContent), null);
    await waitFor('the kept texts to be attached again', async () => (await restored()).length === 3 || undefined);
    assert.deepEqual(await restored(), ['notes.txt', 'report.docx', 'memo.md']);
    assert.ok((await bodyText(again.ui)).includes(msg('attachRestored', '35')), 'a restored file says it was kept with the conversation');
    await askAndCheck(again.ui, sim, 'After reopening: what about the marmots and the fog bell?', [
      DOCX_TEXT,
      'the fog bell rings twice',
      'the lamp uses paraffin',
    ]);
    assert.equal(fileRequests(sim).length, uploads, 'kept texts are not uploaded again');
    await again.page.close();
  });
});
