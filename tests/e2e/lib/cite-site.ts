// The citation suites' own site on 127.0.0.1: a long article with a passage far down it, a second page to navigate
// to, and a three-page PDF; and what they ask of a tab (the highlight it shows, where its scroll came to rest).
import { createServer, type Server } from 'node:http';
import { makePdf } from '../../unit/documents/make-pdf';
import type { CiteRequest, CiteResult } from '../../../utils/citations/types';
import { waitFor, type UiPage } from './ui-driver';

export const TITLE = 'The Orchard Apiary Year';
/** Far down the article, split across inline elements; quoted as the panel quotes it (plain words, one space). */
export const FAR_PASSAGE = 'In the last week of October the keeper fitted mouse guards to all nine hives and left forty kilograms of honey on each.';
export const FAR_HTML =
  'In the last week of <em>October</em> the keeper fitted <a href="#guards">mouse <strong>guards</strong></a> to all\n   nine hives and left forty&nbsp;kilograms of honey on each.';
export const SECOND_PASSAGE = 'Swarm control in May meant splitting the two strongest colonies before the hawthorn flowered.';
export const CHROME_PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';
export const PDF_PAGES = [
  'Ledger page one: the winter inventory.',
  'Ledger page two: repairs to the roof.',
  'Ledger page three: the spring count of forty colonies.',
];

export function articleHtml(): string {
  const filler = (n: number) =>
    `<p>Month note ${n}: the colonies were checked for stores, brood pattern and temper, and the notes went into the orchard ledger with the weather of the day.</p>`;
  const para = (i: number) => (i === 12 ? `<p id="second">${SECOND_PASSAGE}</p>` : filler(i));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<style>body{font:18px/1.6 serif;max-width:40em;margin:2em auto}</style></head><body><main><article>
<h1>${TITLE}</h1>
${Array.from({ length: 120 }, (_, i) => para(i)).join('\n')}
<table><tr><th>Hive</th><th>Stores</th></tr><tr><td>North</td><td>40 kg</td></tr></table>
<p id="far">${FAR_HTML}</p>
${Array.from({ length: 6 }, (_, i) => filler(200 + i)).join('\n')}
</article></main></body></html>`;
}

export interface CiteSite {
  url(path: string): string;
  close(): Promise<void>;
}

/** The article, a second page to navigate to, and a three-page PDF, on 127.0.0.1. */
export async function startCiteSite(): Promise<CiteSite> {
  const pdf = Buffer.from(
    makePdf(
      PDF_PAGES.map((text) => [{ text, x: 72, y: 700 }]),
      { title: 'Orchard Ledger' },
    ),
  );
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    if (path === '/article.html') return void html(articleHtml());
    if (path === '/elsewhere.html') return void html('<!doctype html><title>Elsewhere</title><p>Nothing about bees here.</p>');
    if (path === '/ledger.pdf') {
      return void res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'cache-control': 'no-store' }).end(pdf);
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** Sends 'panel→bg:cite' from a Moonlit page, as the panel does. */
export function sendCite(from: UiPage, data: CiteRequest): Promise<CiteResult> {
  return from.evaluate(
    (d) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<CiteResult> } } }).chrome.runtime.sendMessage({
        name: 'panel→bg:cite',
        data: d,
      }),
    data,
  );
}

/** What the page's main world sees of the highlight: the text of each range registered as 'moonlit-cite'. */
export function highlighted(tab: UiPage): Promise<string[] | null> {
  return tab.evaluate(() => {
    const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const h = reg?.get('moonlit-cite');
    return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ')) : null;
  }, null);
}

/** window.scrollY once a smooth scroll has come to rest (the same over a few frames). */
export async function scrollSettled(tab: UiPage): Promise<number> {
  let last = -1;
  let same = 0;
  return waitFor('the page to stop scrolling', async () => {
    const y = await tab.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(window.scrollY))), null);
    same = y === last ? same + 1 : 0;
    last = y;
    return same >= 5 ? { y } : null;
  }).then((s) => s.y);
}

/**
 * Closes a tab through the tabs API. Chrome's PDF viewer is reloaded at a new URL behind Playwright's back when a
 * citation opens another page, and Playwright's page.close() then can wait for a close event that never comes.
 */
export const removeTab = (extensionPage: UiPage, tabId: number) =>
  extensionPage.evaluate(async (id) => (globalThis as unknown as { chrome: { tabs: { remove(id: number): Promise<void> } } }).chrome.tabs.remove(id), tabId);
