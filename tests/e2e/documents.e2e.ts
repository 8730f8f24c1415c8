// Documents end to end in Chromium with the e2e build: a PDF tab read by the panel (pdf.js in the extension page),
// a scanned PDF through consent and the simulator's file-extract (then from the local cache), files attached with
// the "Attach files" picker (pre-upload messages; a .docx through file-extract), and "Ask about what I see".
// Run: npx tsx --test tests/e2e/documents.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { SCANNED_TEXT } from '../simulator/extract';
import { makePdf } from '../unit/documents/make-pdf';
import { ask, waitForAnswerStatus, answerCount } from './lib/answers';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';

const PDF_TITLE = 'Lighthouse Ledger';
const PDF_SENTENCE = 'The keeper logged forty-two storms in the winter ledger.';
const DOCX_TEXT = 'The quarterly report counts 4711 marmots on the north slope.';

const PDFS: Record<string, Buffer> = {
  '/ledger.pdf': Buffer.from(
    makePdf([[{ text: 'Introduction to the ledger.', x: 72, y: 700 }], [{ text: PDF_SENTENCE, x: 72, y: 700 }]], { title: PDF_TITLE }),
  ),
  // Pages with a grey box and no text: what a scan looks like to pdf.js.
  '/scan.pdf': Buffer.from(makePdf([[], []])),
};

async function startPdfServer(): Promise<{ server: Server; url(path: string): string }> {
  const server = createServer((req, res) => {
    const body = PDFS[new URL(req.url ?? '/', 'http://x').pathname];
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

  it('a scanned PDF asks first, goes through file-extract once (3 requests), then comes from the cache (0)', { timeout: 90_000 }, async () => {
    const url = pdfs.url('/scan.pdf');
    const { panel, tabId } = await panelForTab(url);
    const consent = msg('docOcrConsent', 'scan.pdf');
    await waitInPage(panel.ui, 'the consent notice for scan.pdf', (s: string) => document.body.innerText.includes(s), consent, {
      describe: () => bodyText(panel.ui),
    });
    assert.equal(fileRequests(sim).length, 0, 'nothing may be uploaded before the user agrees');
    await panel.ui.click(msg('docOcrAgree'));
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
});
