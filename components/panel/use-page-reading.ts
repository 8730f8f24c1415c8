import { useCallback, useRef, useState } from 'preact/hooks';
import type { ExtractResult, VideoChoice } from '@/utils/messaging/types';
import type { PageContent } from '@/utils/sources/types';
import type { DocState, PdfReadOptions } from '@/utils/panel/document-read';
import { sendMessage } from '@/utils/messaging/send';
import { pageAfterCheck, samePage } from '@/utils/panel/quick-ask';
import { readPdfLazily } from '@/utils/panel/pdf-lazy';

export type PageState =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'ready'; page: PageContent }
  | { state: 'failed'; result: Extract<ExtractResult, { ok: false }> }
  /** A PDF tab that needs a password, consent to text recognition, or could not be read. */
  | { state: 'document'; doc: DocState };

/** The page read, when it is ready. */
export const readyPage = (s: PageState): PageContent | undefined => (s.state === 'ready' ? s.page : undefined);

/** How to read the page: a PDF's password or consent to recognition, a video's track or title-only. */
export type ReadOptions = PdfReadOptions & { video?: VideoChoice };

/** The bound tab's page as the panel last read it, and the reading of it (HTML through the worker, PDFs here). */
export function usePageReading(tabId: number | undefined) {
  const [page, setPage] = useState<PageState>({ state: 'idle' });
  const pageRef = useRef<PageState>(page);
  const setPageState = useCallback((next: PageState) => {
    pageRef.current = next;
    setPage(next);
  }, []);
  const readSeq = useRef(0);
  const userRead = useRef<Promise<unknown>>(Promise.resolve());
  const read = useCallback(
    async (opts: ReadOptions, after?: Promise<unknown>): Promise<PageState> => {
      if (tabId === undefined) return { state: 'idle' };
      await after?.catch(() => undefined);
      // Reads can overlap (a late "load complete" of a PDF tab, a question): only the newest may set the state,
      // or a read begun before the user gave the password would bring the password prompt back.
      const mine = ++readSeq.current;
      // Keep showing the page already read while it is read again for a new question; and keep a password or
      // consent prompt while the tab is read again by itself (its field would be emptied under the user's typing).
      const shown = pageRef.current.state;
      if (shown !== 'ready' && (shown !== 'document' || opts.password || opts.ocr)) setPageState({ state: 'reading' });
      let next: PageState;
      try {
        const held = readyPage(pageRef.current);
        // A video read another way (a track picked, title only) is a new reading: the held one is not named then.
        const known = held?.reading && !opts.video ? { known: held.reading } : {};
        let result = await sendMessage('panel→bg:extract', { tabId, ...known, ...(opts.video ? { video: opts.video } : {}) });
        // Not the reading we hold after all (cannot happen unless two panels race): read it whole.
        if (result.ok === 'same' && held?.reading !== result.same) result = await sendMessage('panel→bg:extract', { tabId });
        if (result.ok === 'same') {
          // The page is the one we hold (its text did not travel again): only the selection may be new.
          next = { state: 'ready', page: pageAfterCheck(held!, { same: true, selection: result.selection, selectionContext: result.selectionContext }) };
        } else if (result.ok === 'pdf') {
          const read = await readPdfLazily(result.url, opts);
          next = read.ok ? { state: 'ready', page: read.page } : { state: 'document', doc: read.doc };
        } else next = result.ok ? { state: 'ready', page: result.page } : { state: 'failed', result };
        // The same page as before (the usual case before a question): keep that object, so nothing re-renders.
        const before = pageRef.current;
        if (next.state === 'ready' && before.state === 'ready' && samePage(before.page, next.page)) next = before;
      } catch (error) {
        next = { state: 'failed', result: { ok: false, reason: 'injection-failed', detail: String(error) } };
      }
      if (mine === readSeq.current) setPageState(next);
      return next;
    },
    [tabId, setPageState],
  );
  const readPage = useCallback(
    (opts: ReadOptions = {}): Promise<PageState> => {
      // A read the user asked for (a password, consent to recognition) goes first: a read begun meanwhile (a late
      // "load complete" of the PDF tab) waits for it, and then finds the password remembered.
      if (opts.password || opts.ocr || opts.ocrPages) return (userRead.current = read(opts));
      return read(opts, userRead.current);
    },
    [read],
  );

  return { page, pageRef, setPageState, readPage };
}
