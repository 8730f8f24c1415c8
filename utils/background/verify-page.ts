import type { AskRequest, ExtractResult, PageCheck } from '../messaging/types';
import type { BgToPanel, PanelToBg } from '../messaging/port-protocol';
import { readLeftReader, recheckTab } from './extract-tab';
import { keepPage, keptPage, noteReading, readingIn, readingOf } from './page-cache';
import { checkTab } from './tab-checks';

export type Verified = { request: AskRequest; check: PageCheck } | 'stale';
export type Verify = NonNullable<AskRequest['verify']>;

/**
 * Reads the tab for a question about a page the panel holds — or takes the check already held for it
 * (tab-checks.ts): one started while the question was typed, at the press, or by a menu click, while the
 * page says it has not changed since. `panel→bg:check` starts it before the question itself arrives.
 */
export function readForCheck(verify: Verify, extract: typeof recheckTab = recheckTab): Promise<ExtractResult | undefined> {
  const { tabId, reading } = verify;
  const read = () => extract(tabId, reading).catch(() => undefined);
  // A check started ahead that found no reader in the tab: the usual way, which reads the tab whole.
  return checkTab(tabId, reading, read).then((held) => held ?? read());
}

/**
 * A menu item or shortcut that will ask about the tab's page: the worker starts the page check itself,
 * so the tab is read while the panel opens and posts the question (which then takes this reading).
 * Only the reader left in the page is asked (never a whole reading the panel may be doing too), and only
 * for a tab whose reader gave a reading here before.
 */
export function checkAhead(tabId: number, extract: typeof readLeftReader = readLeftReader, now = Date.now()): void {
  const reading = readingOf(tabId);
  if (reading) void checkTab(tabId, reading, () => extract(tabId, reading), now);
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
  noteReading(verify.tabId, readingIn(result));
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

/**
 * An ask port's messages about a page the panel holds: `panel→bg:check` starts reading the tab before the
 * question arrives; `panel→bg:page-text` answers the worker's `bg→panel:need-page`.
 */
export function pageCheckInbox(post: (message: BgToPanel) => void, signal: AbortSignal, extract?: typeof recheckTab) {
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
      // Held by tab-checks.ts for the question: a check already good is not made again.
      if (msg.type === 'panel→bg:check' && isVerify(msg.verify)) void readForCheck(msg.verify, extract);
      if (msg.type === 'panel→bg:page-text' && typeof msg.text === 'string' && text === undefined) {
        text = msg.text;
        waiting?.(text);
      }
    },
    verify(request: AskRequest): Promise<Verified> {
      const { verify } = request;
      if (!verify) return Promise.resolve('stale');
      return verifyPage(request, readForCheck(verify, extract), askText);
    },
  };
}
