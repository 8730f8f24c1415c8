// A PDF with scanned pages among text pages, in the real panel (Chromium, e2e build) against the simulator:
// the panel names the pages without a text layer (none is dropped silently), uploads nothing until asked,
// then recognises just those pages (drawn as PNG images by pdf.js in the panel, read by the simulator's
// file-extract through the worker) and sends their text in page order, under each page's own marker.
// Run: npx tsx --test --test-reporter=spec tests/e2e/documents-mixed.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { SCANNED_TEXT } from '../simulator/extract';
import { makePdf, type PdfLine } from '../unit/documents/make-pdf';
import { ask, answerCount, waitForAnswerStatus } from './lib/answers';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';

const TITLE = 'Survey of Lighthouses';
const typed = (n: number): PdfLine[] => [{ text: `Typed words on page ${n} of the survey.`, x: 72, y: 700 }];
// A page with a grey box and no text: what a scan looks like to pdf.js.
const scan: PdfLine[] = [];
// Three of seven pages: a scan in part (more than half without text would be a scan to recognise whole).
const MIXED = Buffer.from(makePdf([typed(1), scan, typed(3), scan, scan, typed(6), typed(7)], { title: TITLE }));

async function startPdfServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': MIXED.length, 'cache-control': 'no-store' }).end(MIXED);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/mixed.pdf` };
}

const fileRequests = (sim: Simulator) => sim.log.filter((r) => r.path.startsWith('/v1/files'));
const bodyText = (ui: UiPage) => ui.evaluate(() => document.body.innerText, null);
const hasText = (ui: UiPage, what: string, text: string, present = true) =>
  waitInPage(ui, what, ([s, want]: [string, boolean]) => document.body.innerText.includes(s) === want, [text, present] as [string, boolean], {
    describe: () => bodyText(ui),
  });

async function askAbout(panel: UiPage, sim: Simulator, question: string): Promise<string> {
  const index = await answerCount(panel);
  await ask(panel, question);
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
  const req = chatRequests(sim.log).find((r) => messagesText(r).includes(question));
  assert.ok(req, `no chat request carried "${question}"`);
  return messagesText(req);
}

/** Where each piece appears in `text`; every one must be there, in this order. */
function assertInOrder(text: string, pieces: string[]): void {
  let at = -1;
  for (const piece of pieces) {
    const next = text.indexOf(piece, at + 1);
    assert.ok(next > at, `"${piece}" should come after the previous piece; the page text was: ${text.slice(0, 1500)}`);
    at = next;
  }
}

describe('A PDF with scanned pages among text pages (Chromium)', () => {
  // MOONLIT_CHROME_BUILD: a copy of the build, when other builds may be rewriting .output meanwhile.
  const m = useMoonlit('chromium', { extension: process.env.MOONLIT_CHROME_BUILD || undefined });
  let pdf: Awaited<ReturnType<typeof startPdfServer>>;

  before(async () => {
    pdf = await startPdfServer();
    m().sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await new Promise<void>((r) => (pdf?.server ? pdf.server.close(() => r()) : r()));
  });

  it('names pages 2, 4–5 as having no text, uploads nothing unasked, then recognises just those and sends their text in page order', {
    timeout: 120_000,
  }, async () => {
    const { sim, b } = m();
    await m().open(pdf.url);
    const tabId = await waitFor(`a tab id for ${pdf.url}`, () => b.tabIdOf(pdf.url));
    const panel = (await m().open(`${b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
    await waitForPanelPage(panel, TITLE);
    const notice = msg('docTextlessMany', '2, 4–5');
    await hasText(panel, 'the notice naming the pages without text', notice);
    assert.equal(await panel.count('button', msg('docTextlessRecognise')), 1, 'the notice offers recognition');

    // Asked now, the question goes with the typed pages and every page marker, and nothing is uploaded.
    const first = await askAbout(panel, sim, 'What does page one say?');
    assertInOrder(first, [
      'Typed words on page 1',
      '--- Page 2 ---',
      '--- Page 3 ---',
      'Typed words on page 3',
      '--- Page 4 ---',
      '--- Page 5 ---',
      '--- Page 6 ---',
      'Typed words on page 6',
    ]);
    assert.ok(!first.includes(SCANNED_TEXT), 'no recognised text before the user asked for it');
    assert.equal(fileRequests(sim).length, 0, 'nothing may be uploaded before the user asks');

    await panel.click(msg('docTextlessRecognise'));
    await hasText(panel, 'the notice to go once the pages are recognised', notice, false);
    // The three scans draw the same image: uploaded once (upload, read, delete), then read from the local cache.
    const files = fileRequests(sim).map((r) => `${r.method} ${r.path.replace(/^\/v1\/files\/[^/]+/, '/v1/files/ID')}`);
    assert.deepEqual(files, ['POST /v1/files', 'GET /v1/files/ID/content', 'DELETE /v1/files/ID'], 'upload, read, delete');
    const upload = fileRequests(sim)[0];
    assert.match(upload.body, /filename="mixed-page-2\.png"/, 'the first page without text goes, as a PNG image');
    assert.ok(upload.body.includes('PNG\r\n\x1a\n'), 'the upload is a PNG image (its signature)');
    assert.ok(!upload.body.includes('%PDF-'), 'the PDF itself is not uploaded');

    const second = await askAbout(panel, sim, 'And what do the scanned pages say?');
    assertInOrder(second, [
      'Typed words on page 1',
      '--- Page 2 ---',
      SCANNED_TEXT,
      '--- Page 3 ---',
      'Typed words on page 3',
      '--- Page 4 ---',
      SCANNED_TEXT,
      '--- Page 5 ---',
      SCANNED_TEXT,
      '--- Page 6 ---',
      'Typed words on page 6',
      '--- Page 7 ---',
      'Typed words on page 7',
    ]);
    assert.equal(second.split(SCANNED_TEXT).length - 1, 3, 'each recognised page once');
    assert.equal(fileRequests(sim).length, 3, 'a question after recognition uploads nothing more');
  });
});
