// The documents suites' own site and checks: PDFs made for them (plain, hostile title, password-protected,
// owner-password only, corrupt, scanned), a page to screenshot, and what a chat request must carry.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Simulator } from '../../simulator/server';
import { corruptPdf, makePdf } from '../../unit/documents/make-pdf';
import { ask, waitForTurn } from './answers';
import type { RawPage } from './chrome-pages';
import { chatRequests, messagesText } from './log-checks';
import type { UiPage } from './ui-driver';

export const PDF_TITLE = 'Lighthouse Ledger';
export const PDF_SENTENCE = 'The keeper logged forty-two storms in the winter ledger.';
export const DOCX_TEXT = 'The quarterly report counts 4711 marmots on the north slope.';
export const LOCKED_TITLE = 'Keeper Accounts';
export const LOCKED_SENTENCE = 'The locked ledger lists seven brass lanterns.';
export const LOCKED_PASSWORD = 'harbour-light';
export const OPEN_SENTENCE = 'Anyone may read that the fog horn sounds at dawn.';

export const HARBOUR_TITLE = 'Harbour at Dusk';
export const HARBOUR_HTML = `<!doctype html><title>${HARBOUR_TITLE}</title><body style="background:#1d3557;color:#f1faee">
<h1>${HARBOUR_TITLE}</h1><p>Three fishing boats come home while the lighthouse turns on its lamp.</p></body>`;

export const PDFS: Record<string, Buffer> = {
  '/ledger.pdf': Buffer.from(
    makePdf([[{ text: 'Introduction to the ledger.', x: 72, y: 700 }], [{ text: PDF_SENTENCE, x: 72, y: 700 }]], { title: PDF_TITLE }),
  ),
  // Hostile metadata: the title carries markup and script URLs (issue 7: payloads in a PDF's metadata).
  '/hostile.pdf': Buffer.from(
    makePdf([[{ text: 'A plain page under a hostile title.', x: 72, y: 700 }]], {
      title: `Report <img src=x onerror="window.__pwned='pdf'"><script>window.__pwned='pdf'</script><svg onload=alert(1)> [x](javascript:alert(1))`,
    }),
  ),
  // Password-protected (Standard Security Handler, 128-bit RC4; the fixture maker encrypts it).
  '/locked.pdf': Buffer.from(
    makePdf([[{ text: LOCKED_SENTENCE, x: 72, y: 700 }]], { title: LOCKED_TITLE, encrypt: { userPassword: LOCKED_PASSWORD, ownerPassword: 'keeper' } }),
  ),
  // Encrypted with an owner password only: anyone can open it, no password asked.
  '/open-encrypted.pdf': Buffer.from(
    makePdf([[{ text: OPEN_SENTENCE, x: 72, y: 700 }]], { title: 'Fog Horn Notes', encrypt: { userPassword: '', ownerPassword: 'keeper' } }),
  ),
  '/corrupt.pdf': Buffer.from(corruptPdf()),
  // Pages with a grey box and no text: what a scan looks like to pdf.js.
  '/scan.pdf': Buffer.from(makePdf([[], []])),
};

export interface PdfServer {
  server: Server;
  url(path: string): string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** The documents suites' PDFs and a page to screenshot, on 127.0.0.1; counts the requests for each path. */
export async function startPdfServer(): Promise<PdfServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/harbour.html') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HARBOUR_HTML);
    }
    const body = PDFS[path];
    if (!body) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const turnQuestions = (ui: UiPage) =>
  ui.evaluate(() => [...document.querySelectorAll('.turn .question')].map((e) => (e as HTMLElement).innerText), null);
export const askBoxValue = (raw: RawPage) => raw.page.getByRole('textbox', { name: 'Ask about this page' }).inputValue();
export const requestWith = (sim: Simulator, question: string) => chatRequests(sim.log).find((r) => messagesText(r).includes(question));

export const fileRequests = (sim: Simulator) => sim.log.filter((r) => r.path.startsWith('/v1/files'));
export const bodyText = (ui: UiPage) => ui.evaluate(() => document.body.innerText, null);

/** The chat request that carried `question` has every string of `mustContain`; returns its messages' text. */
export function checkRequestFor(sim: Simulator, question: string, mustContain: string[]): string {
  const req = chatRequests(sim.log).find((r) => messagesText(r).includes(question));
  assert.ok(req, `no chat request carried the question "${question}"`);
  const text = messagesText(req);
  for (const s of mustContain) assert.ok(text.includes(s), `the chat request should contain "${s}"; it began: ${text.slice(0, 600)}`);
  return text;
}

export async function askAndCheck(panel: UiPage, sim: Simulator, question: string, mustContain: string[]): Promise<string> {
  await ask(panel, question);
  // Found by its question: a question that was left waiting may have gone by itself just before this one.
  const final = await waitForTurn(panel, question, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
  return checkRequestFor(sim, question, mustContain);
}
