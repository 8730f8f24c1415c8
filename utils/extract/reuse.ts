import type { PageContent } from '../sources/types';
import type { SameReading } from '../messaging/types';
import { extractWhenSettled, mainBlocksOf, mainElementOf, SETTLE_MIN_CHARS } from './index';
import { changedBlock, updateBlocks, type Blocks } from './block-reading';
import { frameBody } from './flat-children';
import { readSelection } from './selection';
import type { SettleOptions } from './settle';
import { watchForChange, type ChangeKind } from './change-watch';

/**
 * Reading a big page costs tens of milliseconds before every question, yet
 * most questions are asked about a page whose main text has not changed since
 * the panel read it. So the last reading is kept in the page (the page reader's
 * own isolated world), watched by a MutationObserver on the element the main
 * text came from (the whole document when that is not known), and reused only
 * while nothing it depends on can have changed: that subtree (nodes, text,
 * attributes) and its place in the page, the URL, and no open shadow root or
 * readable frame inside it whose insides the observer cannot see. A live page's
 * other parts (a clock, ads, comments beside an article) may change at will.
 * A change inside the main text is read block by block where the text is that
 * element's blocks (block-reading.ts): only the blocks the observer saw change
 * are read again, and the observer's own work is a walk up from each record's
 * node. The selection is always read afresh.
 */
const KEY = '__moonlitLastReading';

interface Reading {
  id: string;
  url: string;
  /** The page without its selection. */
  page: PageContent;
  /** Notes what changed since (and drops the reading at a change only a full read can follow). */
  observer: MutationObserver;
  /** What the observer watches: the main text's element, or the document. */
  watched: Node;
  /** The text as the watched element's blocks, when it is exactly them: a change is then read block by block. */
  blocks?: Blocks;
  /** Blocks changed since this reading (reset by each new reading). */
  dirty: Set<Node>;
  changed: boolean;
  /** Characters read again block by block since the last full reading, and that reading's length. */
  churn: number;
  base: number;
}

type Store = Record<string, unknown>;
type Extract = (doc: Document, win: Window, options?: SettleOptions) => Promise<PageContent>;

/**
 * Block by block only while the changes stay small beside the last full reading: much new or removed text
 * could make Readability choose another part of the page, which only a full read sees.
 */
const MAX_CHURN = 0.25;

export async function readPageReusing(
  doc: Document,
  win: Window,
  options?: SettleOptions,
  extract: Extract = extractWhenSettled,
  store: Store = globalThis as unknown as Store,
  known?: string,
  /** Told once at the first change after a kept reading was given (change-watch.ts). */
  onChange?: (kind: ChangeKind) => void,
): Promise<PageContent | SameReading> {
  const again = () => readPageReusing(doc, win, options, extract, store);
  let last = store[KEY] as Reading | undefined;
  if (last) note(last, last.observer.takeRecords(), store);
  if (last?.changed && last === store[KEY] && usable(last, doc)) last = readChanged(last, doc, store);
  if (last && last === store[KEY] && !last.changed && usable(last, doc)) {
    // Only an unchanged page's answer may be reused by the worker. Armed in the same task as the selection
    // is read, so nothing can slip between the answer and the watch.
    if (onChange) watchAfterAnswer(last.watched, doc, win, onChange, again, store);
    // The caller already holds this reading: only the selection travels (a big page's text would cross twice).
    if (known === last.id) return { same: last.id, ...selectionNow(doc, win) };
    return { ...last.page, ...selectionNow(doc, win) };
  }
  (store[KEY] as Reading | undefined)?.observer.disconnect();
  delete store[KEY];
  // Watch from before the reading: a change while it runs (or while it waits for the page to settle) voids it.
  let changed = false;
  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    const kept = store[KEY] as Reading | undefined;
    if (kept?.observer === observer) note(kept, records, store);
    else {
      changed = true;
      observer.disconnect();
    }
  });
  const all = { subtree: true, childList: true, characterData: true, attributes: true };
  observer.observe(doc, all);
  const page = await extract(doc, win, options);
  if (changed || observer.takeRecords().length || !keepable(page, doc)) {
    observer.disconnect();
    return page;
  }
  // From now on only the main text's element counts (the reading was watched whole until here).
  const watched: Node = mainElementOf(page) ?? doc;
  observer.disconnect();
  observer.observe(watched, all);
  const { selection: _selection, selectionContext: _context, ...rest } = page;
  const blocks = mainBlocksOf(page);
  const id = newId();
  store[KEY] = {
    id,
    url: page.url,
    page: { ...rest, selection: '', reading: id },
    observer,
    watched,
    ...(blocks ? { blocks } : {}),
    dirty: new Set(),
    changed: false,
    churn: 0,
    base: page.text.length,
  } satisfies Reading;
  // Watched from the first answer too: the panel that asked shows its selection, and learns a new one this way.
  if (onChange) watchAfterAnswer(watched, doc, win, onChange, again, store);
  return { ...page, reading: id };
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Notes which blocks `records` changed; a change it cannot pin to a block drops the reading (read whole next time). */
function note(r: Reading, records: MutationRecord[], store: Store): void {
  if (!records.length) return;
  r.changed = true;
  for (const record of records) {
    const block = r.blocks && changedBlock(r.blocks, record.target, record.type);
    if (r.blocks && block !== 'all') {
      if (block) r.dirty.add(block);
      continue;
    }
    r.observer.disconnect();
    if (store[KEY] === r) delete store[KEY];
    return;
  }
}

/** The reading after a change in its main text: only the changed blocks read again, or undefined (read it whole). */
function readChanged(r: Reading, doc: Document, store: Store): Reading | undefined {
  const next = r.blocks && updateBlocks(r.blocks, r.dirty);
  const churn = r.churn + (next?.churn ?? 0);
  if (!next || churn > r.base * MAX_CHURN || !keepable({ ...r.page, text: next.text }, doc)) return undefined;
  const id = newId();
  const reading: Reading = { ...r, id, page: { ...r.page, text: next.text, reading: id }, blocks: next.blocks, dirty: new Set(), changed: false, churn };
  store[KEY] = reading;
  return reading;
}

function watchAfterAnswer(watched: Node, doc: Document, win: Window, onChange: (kind: ChangeKind) => void, reread: () => Promise<unknown>, store: Store): void {
  watchForChange(
    watched,
    doc,
    win,
    (kind) => {
      onChange(kind);
      // Read the changed page now, in the page's own idle moment, rather than after the click that asks about
      // it. Once per watch: the next is armed only by the worker's next check, so a page whose main text changes
      // all the time is not read over and over while nobody asks.
      win.setTimeout(() => void reread().catch(() => undefined), 0);
    },
    store,
  );
}

/** The selection as extractPage gives it. */
function selectionNow(doc: Document, win: Window): Pick<PageContent, 'selection' | 'selectionContext'> {
  const { selection, selectionContext } = readSelection(doc, win);
  return { selection, ...(selectionContext ? { selectionContext } : {}) };
}

/** Site adapters may read anything (field values, scripts' data), and a page still loading will change. */
function keepable(page: PageContent, doc: Document): boolean {
  const generic = page.source === 'readability' || page.source === 'fallback';
  return generic && doc.readyState === 'complete' && page.text.length >= SETTLE_MIN_CHARS && page.url === (doc.location?.href ?? '');
}

/** Whether a kept reading (changed or not) still belongs to this document as it is. */
function usable(r: Reading, doc: Document): boolean {
  return (doc.location?.href ?? '') === r.url && doc.readyState === 'complete' && r.watched.isConnected && !hasHiddenContent(r.watched);
}

/**
 * Open shadow roots and same-origin frames are read too, but their changes
 * (and a shadow root attached later) reach no observer on the document.
 */
function hasHiddenContent(watched: Node): boolean {
  const doc = watched.ownerDocument ?? (watched as Document);
  const root = watched === doc ? doc.body : watched;
  if (!root) return false;
  if ((root as Element).shadowRoot) return true;
  const walker = doc.createTreeWalker(root, 1);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    if (n.shadowRoot) return true;
    if ((n.tagName === 'IFRAME' || n.tagName === 'FRAME') && frameBody(n as HTMLIFrameElement)) return true;
  }
  return false;
}
