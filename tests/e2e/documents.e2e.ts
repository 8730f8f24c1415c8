// Documents end to end in Chromium with the e2e build: a PDF tab read by the panel (pdf.js in the extension page),
// a scanned PDF through consent and the simulator's file-extract (then from the local cache), files attached with
// the "Attach files" picker (pre-upload messages; a .docx through file-extract) and a dropped file, and "Ask about what I see".
// The PDF tab also in Firefox ESR. "Ask about what I see" runs headed under Xvfb (skipped without Xvfb/xdotool).
// Run: npx tsx --test tests/e2e/documents.e2e.ts (after npm run build:e2e). MOONLIT_CHROME_BUILD / MOONLIT_FIREFOX_BUILD
// may point at copies of the builds when other builds could rewrite .output during the run.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { SCANNED_TEXT } from '../simulator/extract';
import { makePdf } from '../unit/documents/make-pdf';
import { ask, waitForAnswerStatus, answerCount } from './lib/answers';
import { openRaw, uiFor, type RawPage } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { launchFirefox, type FirefoxSession } from './lib/launch-firefox';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';
import { missingXTools, startXvfb, xdotool, xdotoolKeys, type Display } from './lib/xvfb';

const PDF_TITLE = 'Lighthouse Ledger';
const PDF_SENTENCE = 'The keeper logged forty-two storms in the winter ledger.';
const DOCX_TEXT = 'The quarterly report counts 4711 marmots on the north slope.';

const HARBOUR_TITLE = 'Harbour at Dusk';
const HARBOUR_HTML = `<!doctype html><title>${HARBOUR_TITLE}</title><body style="background:#1d3557;color:#f1faee">
<h1>${HARBOUR_TITLE}</h1><p>Three fishing boats come home while the lighthouse turns on its lamp.</p></body>`;

const PDFS: Record<string, Buffer> = {
  '/ledger.pdf': Buffer.from(
    makePdf([[{ text: 'Introduction to the ledger.', x: 72, y: 700 }], [{ text: PDF_SENTENCE, x: 72, y: 700 }]], { title: PDF_TITLE }),
  ),
  // Hostile metadata: the title carries markup and script URLs (issue 7: payloads in a PDF's metadata).
  '/hostile.pdf': Buffer.from(
    makePdf([[{ text: 'A plain page under a hostile title.', x: 72, y: 700 }]], { title: `Report <img src=x onerror="window.__pwned='pdf'"><script>window.__pwned='pdf'</script><svg onload=alert(1)> [x](javascript:alert(1))` }),
  ),
  // Pages with a grey box and no text: what a scan looks like to pdf.js.
  '/scan.pdf': Buffer.from(makePdf([[], []])),
};

async function startPdfServer(): Promise<{ server: Server; url(path: string): string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/harbour.html') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HARBOUR_HTML);
    }
    const body = PDFS[path];
    if (!body) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { server, url: (path) => `http://127.0.0.1:${port}${path}` };
}

const fileRequests = (sim: Simulator) => sim.log.filter((r) => r.path.startsWith('/v1/files'));
const bodyText = (ui: UiPage) => ui.evaluate(() => document.body.innerText, null);

async function askAndCheck(panel: UiPage, sim: Simulator, question: string, mustContain: string[]): Promise<string> {
  const index = await answerCount(panel);
  await ask(panel, question);
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
  const req = chatRequests(sim.log).find((r) => messagesText(r).includes(question));
  assert.ok(req, `no chat request carried the question "${question}"`);
  const text = messagesText(req);
  for (const s of mustContain) assert.ok(text.includes(s), `the chat request should contain "${s}"; it began: ${text.slice(0, 600)}`);
  return text;
}

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

  it("a PDF whose title is hostile markup: shown and sent as text, runs nowhere in the panel", { timeout: 90_000 }, async () => {
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

  it('a scanned PDF asks first, goes through file-extract once (3 requests), then comes from the cache (0)', { timeout: 90_000 }, async () => {
    const url = pdfs.url('/scan.pdf');
    const { panel, tabId } = await panelForTab(url);
    const consent = msg('docOcrConsent', 'scan.pdf');
    await waitInPage(panel.ui, 'the consent notice for scan.pdf', (s: string) => document.body.innerText.includes(s), consent, {
      describe: () => bodyText(panel.ui),
    });
    assert.equal(fileRequests(sim).length, 0, 'nothing may be uploaded before the user agrees');
    await panel.ui.click(msg('docOcrAgree'));
    // The consent line names the file too: wait for it to go, then for the page to be shown.
    await waitInPage(panel.ui, 'the consent notice to go', (s: string) => !document.body.innerText.includes(s), consent, {
      describe: () => bodyText(panel.ui),
    });
    await waitForPanelPage(panel.ui, 'scan.pdf');
    const files = fileRequests(sim).map((r) => `${r.method} ${r.path.replace(/^\/v1\/files\/[^/]+/, '/v1/files/ID')}`);
    assert.deepEqual(files, ['POST /v1/files', 'GET /v1/files/ID/content', 'DELETE /v1/files/ID'], 'upload, read, delete');
    await askAndCheck(panel.ui, sim, 'What does the scan say?', [SCANNED_TEXT]);
    await panel.page.close();
    // A new panel for the same tab reads the PDF again: the recognised text comes from the local cache.
    const again = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(again.ui, 'scan.pdf');
    assert.equal(fileRequests(sim).length, 3, 'the second read must not upload again');
    await askAndCheck(again.ui, sim, 'And once more, what does the scan say?', [SCANNED_TEXT]);
    await again.page.close();
  });

  it('"Attach files": clear messages before any upload; a .txt read locally; a .docx through file-extract after consent', { timeout: 90_000 }, async () => {
    const { panel } = await panelForTab(pdfs.url('/ledger.pdf'));
    await waitForPanelPage(panel.ui, PDF_TITLE);
    const before = fileRequests(sim).length;
    const chooser = panel.page.waitForEvent('filechooser', { timeout: 10_000 });
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
    const files = fileRequests(sim).slice(before).map((r) => r.method);
    assert.deepEqual(files, ['POST', 'GET', 'DELETE'], 'the .docx goes through upload, read, delete');
    const upload = fileRequests(sim)[before];
    assert.ok(upload.body.includes('report.docx') && upload.body.includes('file-extract'), 'the upload names the file and the purpose');
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
      DOCX_TEXT, 'the lamp uses paraffin', 'the fog bell rings twice', PDF_SENTENCE,
    ]);
    await panel.page.close();
  });
});

describe('"Ask about what I see" in headed Chromium under Xvfb (activeTab from a real key press)', () => {
  let sim: Simulator;
  let pdfs: Awaited<ReturnType<typeof startPdfServer>>;
  let b: ChromeSession;
  let display: Display | undefined;
  const missing = missingXTools();

  before(async () => {
    if (missing.length) return;
    display = await startXvfb();
    process.env.DISPLAY = display.name; // Playwright starts the browser with this process's environment
    sim = await startSimulator({ keys: [SECRET_KEY] });
    pdfs = await startPdfServer();
    b = await launchChrome({ extension: process.env.MOONLIT_CHROME_BUILD || undefined, headless: false });
    await configure(b, sim);
    sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await b?.close();
    await new Promise<void>((r) => (pdfs?.server ? pdfs.server.close(() => r()) : r()));
    await sim?.close();
    display?.stop();
  });

  it('"Ask about what I see": a text-only model offers file-extract or a model that sees; the screenshot goes as image_url', { timeout: 120_000 }, async (t) => {
    if (missing.length) {
      const reason = `${missing.join(' and ')} not installed (apt-get install xvfb xdotool)`;
      if (process.env.CI === 'true') assert.fail(`the screenshot test cannot run: ${reason}`);
      t.skip(reason);
      return;
    }
    const url = pdfs.url('/harbour.html');
    const tab = await openRaw(b.context, url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    // Chrome captures only with activeTab (or <all_urls>): the user invokes Moonlit on the tab, here with a real
    // shortcut. "summarize-page" grants it (Chromium 14x did not for _execute_action when it opens the side panel).
    const commands = await b.worker.evaluate(async () =>
      (await (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll()),
    );
    const shortcut = commands.find((c) => c.name === 'summarize-page')?.shortcut ?? '';
    assert.ok(shortcut, `the summarize shortcut should be bound: ${JSON.stringify(commands)}`);
    await tab.page.bringToFront();
    const windows = (await xdotool(display!.name, ['search', '--sync', '--onlyvisible', '--name', HARBOUR_TITLE])).trim().split('\n');
    await xdotool(display!.name, ['windowfocus', '--sync', windows[0]]);
    await xdotool(display!.name, ['key', '--clearmodifiers', xdotoolKeys(shortcut)]);
    // The panel in its own window, as the side panel would be: the bound tab stays the one showing in its window.
    const opened = b.context.waitForEvent('page', { timeout: 10_000 });
    await b.worker.evaluate((u: string) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url: u }), `${b.origin}/sidepanel.html?tabId=${tabId}`);
    const page = await opened;
    const panel = { page, ui: uiFor(page) };
    await waitInPage(panel.ui, 'the panel to show the page', (s: string) => document.body.innerText.includes(s), HARBOUR_TITLE);
    // The shortcut's summary runs in the real side panel, or here when it was left pending: let it finish first.
    await waitFor('the shortcut\'s summary request', () => chatRequests(sim.log).length > 0, 30_000);
    await waitInPage(panel.ui, 'no answer streaming here', () => !document.querySelector('[data-role="answer"][data-status="streaming"]'), null);
    const model = 'moonshot-v1-128k';
    const tokens = /Image, about ([\d,]+) tokens/;

    // A text-only model: read the image's text via file-extract instead.
    await panel.ui.click(msg('attachSeeing'));
    await waitInPage(panel.ui, 'the screenshot and the text-only notice', (s: string) => document.body.innerText.includes(s), msg('attachNoVision', model), {
      describe: () => bodyText(panel.ui),
    });
    assert.match(await bodyText(panel.ui), tokens, 'the screenshot shows its token estimate');
    const before = fileRequests(sim).length;
    await panel.ui.fill('Ask about this page', 'What do I see?');
    await panel.ui.click('Send');
    await waitInPage(panel.ui, 'the hint to pick a way', (s: string) => document.body.innerText.includes(s), msg('attachNeedsVision'));
    await panel.ui.click(msg('attachReadImageText'));
    await waitInPage(panel.ui, 'the screenshot read as text', () => document.querySelector('.attach-item')?.getAttribute('data-status') === 'ready', null, {
      describe: () => bodyText(panel.ui),
    });
    assert.deepEqual(fileRequests(sim).slice(before).map((r) => r.method), ['POST', 'GET', 'DELETE']);
    await askAndCheck(panel.ui, sim, 'What text is in the screenshot?', [SCANNED_TEXT]);
    await panel.ui.click(msg('attachRemove', msg('attachScreenshotName')));

    // Switch to a model that sees: the screenshot goes as an image_url part with its real MIME type.
    await panel.ui.click(msg('attachSeeing'));
    const vision = 'moonshot-v1-128k-vision-preview';
    await panel.ui.click(msg('attachSwitchModel', vision));
    await waitInPage(panel.ui, 'the notice to go', (s: string) => !document.body.innerText.includes(s), msg('attachNoVision', model));
    const question = 'Describe the colours of what I see.';
    const index = await answerCount(panel.ui);
    await ask(panel.ui, question);
    const final = await waitForAnswerStatus(panel.ui, index, ['done', 'error', 'stopped']);
    assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
    const req = chatRequests(sim.log).find((r) => messagesText(r).includes(question))!;
    const body = req.json as { model: string; messages: { role: string; content: unknown }[] };
    assert.equal(body.model, vision);
    const last = body.messages.at(-1)!;
    assert.ok(Array.isArray(last.content), 'the question with an image is sent as content parts');
    const image = (last.content as { type: string; image_url?: { url: string } }[]).find((p) => p.type === 'image_url');
    assert.match(image?.image_url?.url ?? '', /^data:image\/png;base64,iVBORw0KGgo/, 'a PNG screenshot as a data URL');
    await page.close();
  });
});

describe("A PDF tab in Firefox ESR (its pdf.js viewer refuses content scripts)", () => {
  let sim: Simulator;
  let pdfs: Awaited<ReturnType<typeof startPdfServer>>;
  let b: FirefoxSession;

  before(async () => {
    sim = await startSimulator({ keys: [SECRET_KEY] });
    pdfs = await startPdfServer();
    b = await launchFirefox({ extension: process.env.MOONLIT_FIREFOX_BUILD || undefined });
    await configure(b, sim);
    sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await b?.close();
    await new Promise<void>((r) => (pdfs?.server ? pdfs.server.close(() => r()) : r()));
    await sim?.close();
  });

  it('the panel reads the PDF itself and its text, with page markers, reaches Kimi', { timeout: 90_000 }, async () => {
    const url = pdfs.url('/ledger.pdf');
    await b.open(url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = await b.open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel, PDF_TITLE);
    await askAndCheck(panel, sim, 'How many storms are in the ledger?', [PDF_SENTENCE, '--- Page 2 ---']);
  });
});
