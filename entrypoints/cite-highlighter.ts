import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { citeInPage } from '@/utils/citations/inject-cite';

// Injected on demand (scripting.executeScript files ['/cite-highlighter.js']) when a citation is clicked;
// never registered on pages. It only installs the finder on the content script's own global: the worker
// then calls it with the passage (see utils/citations/inject-cite.ts). No extension API, no network.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>).__moonlitCite = (quote: string, at: number) => citeInPage(document, window, quote, at);
  return true;
});
