import type { AskRequest, ExtractResult, PageCheck } from '../messaging/types';
import type { BgToPanel, PanelToBg } from '../messaging/port-protocol';
import { recheckTab } from './extract-tab';
import { keepPage, keptPage } from './page-cache';

export type Verified = { request: AskRequest; check: PageCheck } | 'stale';
export type Verify = NonNullable<AskRequest['verify']>;

/**
 * Reads the tab for a question about a page the panel holds. Started by `panel→bg:check`, which the panel
 * posts just before the question itself: the tab is read while the question crosses the port.
 */
export function readForCheck(verify: Verify, extract: typeof recheckTab = recheckTab): Promise<ExtractResult | undefined> {
  return extract(verify.tabId, verify.reading).catch(() => undefined);
}

/**
 * Checks a `verify` request's page against its tab, in the worker. The panel
 * sent the page as it last read it, without its text: the text is the one this
 * worker kept (page-cache.ts) or, after a restart, `askText()` gets it from the
 * panel; only the selection (or, if the page changed in place, the whole page)
 * comes from the tab. Another address, a PDF, an empty or unreadable tab is
 * 'stale': the panel reads it the long way. `read`: the reading started by
 * `panel→bg:check`.
 */
export async function verifyPage(
  request: AskRequest,
  read: Promise<ExtractResult | undefined>,
  askText: () => Promise<string | undefined>,
): Promise<Verified> {
  const { verify, page, ...rest } = request;
  if (!verify || !page) return 'stale';
  const result = await read;
  if (result?.ok === 'same' && result.same === verify.reading) {
    const text = keptPage(verify.reading, page.url)?.text ?? (await askText());
    if (text === undefined) return 'stale';
    const { selection, selectionContext } = result;
    const check: PageCheck = { same: true, selection, ...(selectionContext !== undefined ? { selectionContext } : {}) };
    // The request's own selection is the fallback (a selection the context menu saw), used when the tab has none now.
    const fresh = verify.freshSelection && selection ? { selection, selectionContext } : {};
    return { request: { ...rest, page: { ...page, text, ...fresh } }, check };
  }
  if (result?.ok === true && result.page.url === page.url) {
    const now = result.page;
    keepPage(now);
    const selection = verify.freshSelection ? now.selection || page.selection : '';
    const selectionContext = verify.freshSelection && now.selection ? now.selectionContext : undefined;
    return { request: { ...rest, page: { ...now, selection, selectionContext } }, check: { same: false, page: now } };
  }
  return 'stale';
}

export const isVerify = (v: unknown): v is Verify => {
  const x = v as Verify | null;
  return !!x && typeof x.tabId === 'number' && typeof x.reading === 'string' && typeof x.freshSelection === 'boolean';
};

export const sameVerify = (a: Verify, b: Verify) => a.tabId === b.tabId && a.reading === b.reading;

/**
 * An ask port's messages about a page the panel holds: `panel→bg:check` starts reading the tab before the
 * question arrives; `panel→bg:page-text` answers the worker's `bg→panel:need-page`.
 */
export function pageCheckInbox(post: (message: BgToPanel) => void, signal: AbortSignal, extract?: typeof recheckTab) {
  let checking: { verify: Verify; read: Promise<ExtractResult | undefined> } | undefined;
  let text: string | undefined;
  let waiting: ((text: string | undefined) => void) | undefined;
  signal.addEventListener('abort', () => waiting?.(undefined));
  const askText = () =>
    text !== undefined || signal.aborted
      ? Promise.resolve(text)
      : new Promise<string | undefined>((resolve) => {
          waiting = resolve;
          post({ type: 'bg→panel:need-page' });
        });
  return {
    receive(msg: PanelToBg): void {
      if (msg.type === 'panel→bg:check' && !checking && isVerify(msg.verify)) checking = { verify: msg.verify, read: readForCheck(msg.verify, extract) };
      if (msg.type === 'panel→bg:page-text' && typeof msg.text === 'string' && text === undefined) {
        text = msg.text;
        waiting?.(text);
      }
    },
    verify(request: AskRequest): Promise<Verified> {
      const { verify } = request;
      if (!verify) return Promise.resolve('stale');
      const read = checking && sameVerify(verify, checking.verify) ? checking.read : readForCheck(verify, extract);
      return verifyPage(request, read, askText);
    },
  };
}
