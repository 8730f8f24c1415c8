import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExtractFailureReason } from '@/utils/messaging/types';
import { sendMessage } from '@/utils/messaging/send';
import { addedTabOf, MAX_ADDED_TABS, refreshTab, type AddedTab, type PdfNeed } from '@/utils/sources/tab-fresh';
import { readTabSource } from '@/utils/panel/tab-read';
import { readPdfLazily } from '@/utils/panel/pdf-lazy';
import { afterRequest, permissionPlan, pickEntries, type PickEntry } from '@/utils/sources/tab-pick';
import type { KeptSource } from '@/utils/sources/tab-restore';
import { chipsAfter, goesAsRef, type TabNews } from '@/utils/sources/tab-refs';

/** What the last "Add" could not do: origins the user refused, and tabs that could not be read (with why). */
export interface AddNote {
  refused: string[];
  failed: { title: string; reason: ExtractFailureReason | PdfNeed }[];
  /** Tabs beyond MAX_ADDED_TABS, not added. */
  over: number;
  /** A reopened conversation's tabs that are open nowhere now (titles). */
  missing?: string[];
}

// `added`: the worker holds each tab's check while its page reader watches, so an unchanged tab costs no call into it.
const extract = (tabId: number, known?: string) => sendMessage('panel→bg:extract', { tabId, added: true, ...(known ? { known } : {}) });
/** A tab as the panel reads it for a question: its page through the worker, a PDF here (pdf.js). */
const readTab = (tabId: number, known?: string) => readTabSource(tabId, known, { extract, readPdf: (url) => readPdfLazily(url) });

/** Reads each tab with its page reader: the tabs read, and those that could not be (with why). */
async function readTabs(picked: readonly { tabId: number; title: string }[]): Promise<{ read: AddedTab[]; failed: AddNote['failed'] }> {
  const failed: AddNote['failed'] = [];
  const read = await Promise.all(
    picked.map(async (e) => {
      const r = await readTab(e.tabId).catch(() => ({ ok: false as const, reason: 'injection-failed' as const }));
      if (r.ok === true) return addedTabOf(e.tabId, r.page);
      failed.push({ title: e.title, reason: r.ok === 'pdf-need' ? r.need : r.ok === false ? r.reason : 'injection-failed' });
      return null;
    }),
  );
  return { read: read.filter((t): t is AddedTab => !!t), failed };
}

/**
 * The sources of the next question besides the files: the bound tab's page (on unless removed) and other tabs
 * the user added. The picker's list comes from the bound tab's window; a tab whose origin is not granted yet is
 * read only after the user allowed it, asked inside the "Add" click itself (Firefox refuses a request made after
 * an await). Before each question every added tab is read again where it changed (refreshTab).
 */
export function useTabSources(tabId: number | undefined) {
  const [tabs, setTabs] = useState<AddedTab[]>([]);
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  const [pageOff, setPageOff] = useState(false);
  const [entries, setEntries] = useState<PickEntry[] | null>(null);
  /** The picker under "Add tabs", or the list `@` opens in the question box: the same tabs. */
  const [mode, setMode] = useState<'dialog' | 'mention'>('dialog');
  const [note, setNote] = useState<AddNote | null>(null);
  const [adding, setAdding] = useState(false);
  // Read when the picker opens, so the "Add" click can ask at once, with nothing awaited before.
  const granted = useRef<string[]>([]);
  const canSeeAll = useRef(false);

  // Stable (a ref and a state setter), so the callbacks below keep their identity.
  const update = useCallback((next: AddedTab[]) => {
    tabsRef.current = next;
    setTabs(next);
  }, []);

  // A closed tab keeps its text, marked so at once (not only at the next question).
  useEffect(() => {
    const closed = (id: number) => {
      if (tabsRef.current.some((t) => t.tabId === id && t.status !== 'closed')) {
        update(tabsRef.current.map((t) => (t.tabId === id ? { ...t, status: 'closed' } : t)));
      }
    };
    browser.tabs.onRemoved.addListener(closed);
    void browser.permissions.contains({ permissions: ['tabs'] }).then(
      (yes) => (canSeeAll.current = yes),
      () => undefined,
    );
    return () => browser.tabs.onRemoved.removeListener(closed);
  }, [update]);

  const list = useCallback(async () => {
    if (tabId === undefined) return;
    const [all, perms] = await Promise.all([browser.tabs.get(tabId).then((t) => browser.tabs.query({ windowId: t.windowId })), browser.permissions.getAll()]);
    granted.current = perms.origins ?? [];
    // The bound tab is a source already (its chip can be removed, and put back, in the bar).
    const added = new Set([tabId, ...tabsRef.current.filter((t) => t.status !== 'closed').map((t) => t.tabId)]);
    setEntries(pickEntries(all, browser.runtime.getURL('/'), added));
  }, [tabId]);

  /** "Add tabs" (or `@`): lists the window's tabs; Moonlit asks once to see them all (titles and addresses), in this click. */
  const open = useCallback(
    (how: 'dialog' | 'mention' = 'dialog') => {
      setNote(null);
      setMode(how);
      const asked = canSeeAll.current ? Promise.resolve(true) : browser.permissions.request({ permissions: ['tabs'] }).catch(() => false);
      void asked.then((yes) => (canSeeAll.current ||= yes)).finally(() => void list().catch(() => setEntries([])));
    },
    [list],
  );

  /** "Add": called synchronously from the click or key press, so the permission request is part of the user's gesture. */
  const add = useCallback(
    (picked: PickEntry[]) => {
      const room = Math.max(0, MAX_ADDED_TABS - tabsRef.current.length);
      const chosen = picked.slice(0, room);
      const plan = permissionPlan(chosen, granted.current, tabId);
      const asked = plan.ask.length ? browser.permissions.request({ origins: plan.ask }).catch(() => false) : Promise.resolve(true);
      setEntries(null);
      setAdding(true);
      void (async () => {
        const { add: readable, refused } = afterRequest(chosen, plan, await asked);
        const { read, failed } = await readTabs(readable);
        const known = new Set(tabsRef.current.map((t) => t.tabId));
        update([...tabsRef.current, ...read.filter((t) => !known.has(t.tabId))]);
        const over = picked.length - chosen.length;
        setNote(refused.length || failed.length || over ? { refused: refused.map((e) => e.title), failed, over } : null);
        setAdding(false);
      })();
    },
    [tabId, update],
  );

  /**
   * A conversation reopened from history: its other tabs become the next question's again, read as they are now;
   * the ones open nowhere now are named (the note), never dropped silently.
   */
  const restore = useCallback(
    async (kept: readonly KeptSource[], boundUrl: string | undefined) => {
      if (tabId === undefined) return;
      setEntries(null);
      setAdding(true);
      try {
        // Loaded only now, like History itself: not part of the panel's first load.
        const [open, { restorePlan }] = await Promise.all([
          browser.tabs.get(tabId).then((t) => browser.tabs.query({ windowId: t.windowId })),
          import('@/utils/sources/tab-restore'),
        ]);
        const { found, missing } = restorePlan(kept, open, boundUrl);
        const { read, failed } = await readTabs(found.slice(0, MAX_ADDED_TABS));
        update(read);
        setPageOff(false);
        const lost = missing.map((k) => k.title || k.url);
        setNote(failed.length || lost.length ? { refused: [], failed, over: 0, missing: lost } : null);
      } finally {
        setAdding(false);
      }
    },
    [tabId, update],
  );

  /** What the worker found of the tabs a question named (changed, navigated, closed…): their chips say so. */
  const took = useCallback((news: TabNews[]) => update(chipsAfter(tabsRef.current, news)), [update]);

  const remove = useCallback((id: number) => update(tabsRef.current.filter((t) => t.tabId !== id)), [update]);

  /**
   * Before a question: the added tabs as it sends them. A tab the worker can hold goes as a reference, checked by
   * the worker while it resolves the question (`took` brings what it found); the others (a PDF read here, a closed
   * or unreadable tab) are read again here where they can be.
   */
  const fresh = useCallback(async (): Promise<AddedTab[]> => {
    const before = tabsRef.current;
    if (!before.some((t) => !goesAsRef(t) && t.status !== 'closed')) return before;
    const now = await Promise.all(before.map((t) => (goesAsRef(t) ? t : refreshTab(t, readTab))));
    // Tabs removed while they were read stay removed.
    const still = new Set(tabsRef.current.map((t) => t.tabId));
    update(now.filter((t) => still.has(t.tabId)));
    return tabsRef.current;
  }, [update]);

  return {
    tabs,
    pageOff,
    setPageOff,
    entries,
    mode,
    closePicker: () => setEntries(null),
    open,
    add,
    remove,
    restore,
    fresh,
    took,
    note,
    adding,
    clearNote: () => setNote(null),
  };
}

export type TabSources = ReturnType<typeof useTabSources>;
