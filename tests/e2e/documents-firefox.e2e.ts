// A PDF tab in Firefox ESR end to end with the e2e build: Firefox's own pdf.js viewer refuses content scripts, so
// the panel reads the PDF itself, and its text, with page markers, reaches Kimi. Chromium: documents.e2e.ts.
// Run: npx tsx --test tests/e2e/documents-firefox.e2e.ts (after npm run build:e2e). MOONLIT_FIREFOX_BUILD may point
// at a copy of the build.
import { after, before, describe, it } from 'node:test';
import { askAndCheck, PDF_SENTENCE, PDF_TITLE, startPdfServer, type PdfServer } from './lib/documents-site';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor } from './lib/ui-driver';

describe('A PDF tab in Firefox ESR (its pdf.js viewer refuses content scripts)', () => {
  const m = useMoonlit('firefox', { extension: process.env.MOONLIT_FIREFOX_BUILD || undefined });
  let pdfs: PdfServer | undefined;

  before(async () => {
    pdfs = await startPdfServer();
    m().sim.setDefault({ content: 'Noted.' });
  });

  after(async () => {
    await pdfs?.close();
  });

  it('the panel reads the PDF itself and its text, with page markers, reaches Kimi', { timeout: 90_000 }, async () => {
    const { b, sim } = m();
    const url = pdfs!.url('/ledger.pdf');
    await m().open(url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = (await m().open(`${b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
    await waitForPanelPage(panel, PDF_TITLE);
    await askAndCheck(panel, sim, 'How many storms are in the ledger?', [PDF_SENTENCE, '--- Page 2 ---']);
  });
});
