import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installSelectionButton, type SelectionKind } from '@/utils/selection-button/page-button';

// Registered on pages (scripting.registerContentScripts) only while the user has the selection button on
// (utils/selection-button/registration.ts). Uses the content script's own `chrome`/`browser` directly: the
// polyfill would be most of the page-side size budget (5 KB gzipped).
type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> | void }; i18n: { getMessage(k: string): string } };

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api; __moonlitSelection?: true };
  const api = g.browser ?? g.chrome;
  // Once per page, and never in Moonlit's own pages.
  if (!api || g.__moonlitSelection || location.protocol.endsWith('-extension:')) return;
  g.__moonlitSelection = true;
  const t = (k: string) => api.i18n.getMessage(k) || k;
  const actions: [SelectionKind, string][] = [
    ['explain-selection', t('selectionExplain')],
    ['summarize-selection', t('selectionSummarize')],
    ['translate-selection', t('selectionTranslate')],
  ];
  installSelectionButton(document, window, { open: t('selectionOpen'), actions }, (kind, selection) => {
    void Promise.resolve(api.runtime.sendMessage({ name: 'page→bg:selection-action', data: { kind, selection } })).catch(() => undefined);
  });
});
