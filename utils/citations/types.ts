/**
 * Citations: the page text sent to Kimi is cut into numbered passages; an
 * answer cites them as `[P3]`, and a click shows the passage on the page.
 * Passages are derived from the extracted text alone (deterministically, in the
 * worker for the prompt and in the panel for the links), so nothing extra
 * crosses the port and a saved conversation only needs the passages it cited.
 */
export interface Passage {
  /** 1-based, in reading order. */
  n: number;
  /** The passage as sent to Kimi (Markdown-like). */
  text: string;
  /** The passage as plain words, for finding it in the live DOM and for the hover preview. */
  quote: string;
  /** Where it starts in the page text, 0..1: picks the right one of several identical passages. */
  at: number;
  /** PDFs: the page it is on (from the reader's page markers). */
  page?: number;
  /** A passage of another tab added to the question (not the bound one): where a click switches to. */
  tab?: SourceTab;
}

/** The other tab a passage comes from. */
export interface SourceTab {
  tabId: number;
  title: string;
  url: string;
}

/** What a saved answer keeps of each passage it cited. */
export interface CitedSource {
  quote: string;
  at: number;
  page?: number;
  tab?: SourceTab;
}

/** Ask the worker to show a passage in the bound tab. */
export interface CiteRequest {
  tabId: number;
  /** The page the conversation is about: a tab that moved elsewhere can't show the passage. */
  url: string;
  quote: string;
  at: number;
  /** PDFs: open the viewer at this page (`#page=N`) instead of highlighting. */
  page?: number;
  /** Another tab added to the question: switch to it (and focus its window) first. */
  focus?: true;
}

export type CiteResult =
  | { ok: true; how: 'highlight' | 'overlay' | 'pdf-page' }
  /**
   * gone: the text is no longer on the page; moved: the tab shows another page;
   * blocked: the browser won't let Moonlit into the tab now (activeTab lapsed, restricted page).
   */
  | { ok: false; reason: 'gone' | 'moved' | 'blocked' };
