import type { AskRequest, ExtractResult, PageCheck } from '../messaging/types';
import type { PageContent, TabSourceRef } from '../sources/types';
import type { BgToPanel } from '../messaging/port-protocol';
import { readLeftReader, recheckTab } from './extract-tab';
import { preparePage } from '../kimi/prepare-page';

/**
 * The worker's tab sources: what each tab's page reader last read, kept by reading id (one document's one
 * reading), and each tab's last check of it. One module owns their reading, caching and freshness, so a
 * question about an unchanged page goes at once: its text is here, and its check (made while the question
 * was typed, or by a menu click) holds until the page reader says the main text changed (`page→bg:changed`).
 * Only a cache: a restarted worker has none, reads the tab again and asks the panel for the text.
 */
const sources = new Map<string, PageContent>();
/** The bound tab's page and up to 20 added tabs (MAX_ADDED_TABS): a question with all of them finds every text here. */
export const MAX_SOURCES = 21;
/** A few long pages at most: ~50 MB of UTF-16 in a worker that idles out soon anyway. */
const MAX_CHARS = 25_000_000;
/** How long an "unchanged" answer serves questions while the page reader watches (it says when it stops holding). */
export const SAME_MAX_AGE_MS = 60_000;
/** How long any other answer (a new reading, no reader: nothing watches it) may serve: the press before its click. */
export const FRESH_MAX_AGE_MS = 1_000;

interface Tab {
  /** The reading the tab's reader last gave (a hint: the page may have changed since). */
  reading?: string;
  check?: { reading: string; read: Promise<ExtractResult | undefined>; at: number; result?: ExtractResult | null; ahead?: boolean };
  /** Changes heard for the tab (sourceChanged): a read that spans one may not be held as checked. */
  changes: number;
}
const tabs = new Map<number, Tab>();
const tab = (id: number): Tab => tabs.get(id) ?? (tabs.set(id, { changes: 0 }), tabs.get(id)!);

/** Keeps a page read whole, so a question about it need not carry its text again. */
export function keepSource(page: PageContent | undefined): void {
  if (!page?.reading || !page.text) return;
  sources.delete(page.reading);
  sources.set(page.reading, page);
  let chars = 0;
  for (const p of sources.values()) chars += p.text.length;
  for (const [id, p] of sources) {
    if (sources.size <= MAX_SOURCES && chars <= MAX_CHARS) break;
    if (id === page.reading) continue;
    sources.delete(id);
    chars -= p.text.length;
  }
}

/** The page read as `reading` at `url`, if this worker still holds it. */
export function keptSource(reading: string, url: string): PageContent | undefined {
  const page = sources.get(reading);
  return page?.url === url ? page : undefined;
}

export function forgetSources(): void {
  sources.clear();
  tabs.clear();
}

/** Notes the reading a tab's reader gave in `result` (the one it still holds, or a new one). */
export function noteRead(tabId: number, result: ExtractResult | undefined): ExtractResult | undefined {
  if (result?.ok === true) keepSource(result.page);
  tab(tabId).reading = result?.ok === 'same' ? result.same : result?.ok === true ? result.page.reading : undefined;
  return result;
}

export const readingOf = (tabId: number): string | undefined => tabs.get(tabId)?.reading;

/**
 * The page reader in the tab saw its main text change, or the tab is gone: its last answer no longer holds.
 * A held check means a question is coming, so the page is read again at once (the reader reads only what
 * changed) and the click finds it read. Once per check the panel or a menu made: a page that changes all the
 * time is not read on and on, and its next change drops this answer as it did the first. `readAgain` null:
 * the answer is only dropped (a selection change, which the panel reads itself).
 */
export function sourceChanged(tabId: number, readAgain: typeof readLeftReader | null = readLeftReader): void {
  const t = tabs.get(tabId);
  if (!t) return;
  t.changes++;
  const held = t.check;
  t.check = undefined;
  if (!held || held.ahead || !readAgain) return;
  const read = checkTab(tabId, held.reading, () => readAgain(tabId, held.reading));
  const ahead = t.check as Tab['check'];
  if (ahead) ahead.ahead = true;
  void read.then((r) => {
    // No reader left in the page (another document): nothing to hold, the question reads the tab the usual way.
    if (!r && t.check === ahead) t.check = undefined;
    // The new page's message and bytes made now, while nobody waits, rather than after the click.
    if (r?.ok === true && t.check === ahead) preparePage(r.page);
  });
}

/** The tab's check of `reading`: the one held while it is good, else a new one from `read`. */
export function checkTab(tabId: number, reading: string, read: () => Promise<ExtractResult | undefined>, now = Date.now()): Promise<ExtractResult | undefined> {
  const t = tab(tabId);
  const c = t.check;
  const same = c?.result?.ok === 'same' && c.result.same === reading;
  if (c && c.reading === reading && (c.result === undefined || now - c.at <= (same ? SAME_MAX_AGE_MS : FRESH_MAX_AGE_MS))) return c.read;
  const check: NonNullable<Tab['check']> = { reading, at: now, read: read().catch(() => undefined) };
  t.check = check;
  void check.read.then((r) => (check.result = r ?? null));
  return check.read;
}

/**
 * Holds `result`, a new reading of the tab, as checked: the page reader watches a reading from its first answer on
 * (utils/extract/reuse.ts) and says when its main text changes, as after a "same". Not when a change was heard
 * since `changes` (the read may predate it), nor for a page it could not keep (no reading).
 */
function holdRead(tabId: number, changes: number, result: ExtractResult, now: number): void {
  const t = tabs.get(tabId);
  if (!t || t.changes !== changes || result.ok !== true || !result.page.reading) return;
  const same: ExtractResult = { ok: 'same', same: result.page.reading, selection: result.page.selection };
  t.check = { reading: result.page.reading, at: now, read: Promise.resolve(same), result: same };
}

/** What the browser says of a tab now (`tabs.get`): its address and whether a document is loading; null when it is gone. */
export type TabLook = (tabId: number) => Promise<{ url?: string; status?: string } | null>;

/**
 * A tab added to the questions (`panel→bg:extract` with `added`), read or checked for the panel. With `known`
 * (the reading the panel holds), the check held while the tab's reader watches answers with no call into the
 * tab; otherwise, or once the tab changed, `read` runs, and a new reading it gives is held in turn. Before a held
 * check serves, the browser is asked (no script) whether the tab is gone, loading or at another address: a page
 * unloading may not get its own message out.
 */
export async function readAddedTab(
  tabId: number,
  known: string | undefined,
  deps: { read: () => Promise<ExtractResult>; look: TabLook; now?: () => number },
): Promise<ExtractResult> {
  const now = deps.now ?? Date.now;
  const t = tab(tabId);
  if (known && t.check?.reading === known) {
    const seen = await deps.look(tabId).catch(() => null);
    const url = sources.get(known)?.url;
    if (!seen || seen.status === 'loading' || (seen.url !== undefined && url !== undefined && seen.url !== url)) sourceChanged(tabId);
  }
  const { changes } = t;
  const held = known ? await checkTab(tabId, known, deps.read, now()) : undefined;
  const result = held ?? (await deps.read());
  noteRead(tabId, result);
  holdRead(tabId, changes, result, now());
  return result;
}

/** A question's check of a tab source: the held one while good, else the reader left in the page, else a full read. */
export function readForCheck(ref: TabSourceRef, extract: typeof recheckTab = recheckTab): Promise<ExtractResult | undefined> {
  const read = () => extract(ref.tabId, ref.reading).catch(() => undefined);
  // A check started ahead that found no reader in the tab: the usual way, which reads the tab whole.
  return checkTab(ref.tabId, ref.reading, read).then((held) => held ?? read());
}

/** A menu item about the tab's page: its check starts while the panel opens (only the reader left in the page is asked). */
export function checkAhead(tabId: number, extract: typeof readLeftReader = readLeftReader, now = Date.now()): void {
  const reading = readingOf(tabId);
  if (reading) void checkTab(tabId, reading, () => extract(tabId, reading), now);
}

export type Resolved = { request: AskRequest; check: PageCheck } | 'stale';

/**
 * A question's tab source, as the tab shows it now. The panel sent the page without its text: the text is
 * the one kept here or, after a restart, `askText()` gets it from the panel; if the main text changed, the
 * page comes from the tab, but the selection is always the request's: the one the panel showed. Another address, a PDF, an unreadable tab: 'stale'.
 */
export async function resolveSource(
  request: AskRequest,
  read: Promise<ExtractResult | undefined>,
  askText: () => Promise<string | undefined>,
): Promise<Resolved> {
  const { verify: ref, page, ...rest } = request;
  if (!ref || !page) return 'stale';
  const result = noteRead(ref.tabId, await read);
  if (result?.ok === 'same' && result.same === ref.reading) {
    const text = keptSource(ref.reading, page.url)?.text ?? (await askText());
    if (text === undefined) return 'stale';
    const { selection, selectionContext } = result;
    const check: PageCheck = { same: true, selection, ...(selectionContext !== undefined ? { selectionContext } : {}) };
    // The selection is the one the panel showed, never the tab's now (a page can select other text when the user
    // clicks into the panel); the tab's goes back to the panel in the check, to be shown for the next question.
    return { request: { ...rest, page: { ...page, text } }, check };
  }
  if (result?.ok === true && result.page.url === page.url) {
    const now = result.page;
    const shown = { selection: page.selection, selectionContext: page.selectionContext };
    return { request: { ...rest, page: { ...now, ...shown } }, check: { same: false, page: now } };
  }
  return 'stale';
}

export const isSourceRef = (v: unknown): v is TabSourceRef => {
  const x = v as TabSourceRef | null;
  return !!x && typeof x.tabId === 'number' && typeof x.reading === 'string';
};

/** One ask port's side of its tab source: the text the panel sends when asked (`bg→panel:need-page`), and the resolution. */
export function sourceInbox(post: (message: BgToPanel) => void, signal: AbortSignal, extract?: typeof recheckTab) {
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
    /** `panel→bg:check`: the tab is read now, before the question (held for it: a check still good is not made again). */
    check: (ref: TabSourceRef) => void readForCheck(ref, extract),
    /** `panel→bg:page-text`. */
    text(value: string): void {
      if (text !== undefined) return;
      text = value;
      waiting?.(text);
    },
    resolve: (request: AskRequest & { verify: TabSourceRef }): Promise<Resolved> => resolveSource(request, readForCheck(request.verify, extract), askText),
  };
}
