/** The messages' own shapes (each shape they carry lives with its owner: utils/sources/, utils/kimi/). */
import type { AskChoice, ChatTurn } from '../kimi/types';
import type { PageContent, TabRef, TabSourceRef } from '../sources/types';

/** The page reader's answer when the page has not changed since the reading the panel already holds. */
export interface SameReading {
  same: string;
  selection: string;
  selectionContext?: string;
}

export type ExtractFailureReason =
  /** chrome://, about:, add-on stores, view-source:, other extensions' pages. */
  | 'restricted'
  /** activeTab was not granted for this tab (the user has not invoked Moonlit on it). */
  | 'no-permission'
  /** The tab is gone. */
  | 'no-tab'
  /** The browser refused or the script threw. */
  | 'injection-failed'
  /** The page has no readable text. */
  | 'empty'
  /** A video page whose transcript could not be read: `video` says why (utils/video/video-method.ts). */
  | 'video';

/** Why a video's transcript was not read (utils/video/video-method.ts `VideoFailure`, less the method-internal `not-here`). */
export type VideoFailureReason = 'no-captions' | 'login-needed' | 'ad-playing' | 'wrong-video' | 'unplayable' | 'changed-format' | 'empty' | 'service-error';

/** How the panel wants a video read: a track the user picked (its language code), or the title and description only. */
export interface VideoChoice {
  track?: string;
  titleOnly?: boolean;
}

export type ExtractResult =
  | { ok: true; page: PageContent }
  | { ok: false; reason: ExtractFailureReason; url?: string; detail?: string; video?: VideoFailureReason }
  /**
   * The tab shows a PDF (either browser's viewer): the panel fetches and reads it
   * itself, since pdf.js needs an extension page and must stay out of the worker.
   */
  | { ok: 'pdf'; url: string }
  /** The page is as in the reading the panel named (`known`): only the selection is new. The page's text stays put. */
  | ({ ok: 'same' } & SameReading);

export type AskMode = 'ask' | 'summarize';

export interface AskRequest {
  mode: AskMode;
  /** The user's question; for 'summarize' it may be empty. */
  question: string;
  page?: PageContent;
  /** Earlier turns of this conversation, oldest first. */
  history: ChatTurn[];
  /** Text already received for this answer: continue it with Partial Mode. */
  continueFrom?: string;
  /** Stable per conversation, sent as prompt_cache_key so follow-ups hit Kimi's prefix cache. */
  conversationId?: string;
  /** Other tabs the user added to the question, each as much as the room allows (utils/sources/budget.ts), after the page. */
  tabs?: TabText[];
  /** Files the user attached to this question, as text (read locally or by Kimi's file-extract). */
  attachments?: AttachmentText[];
  /** Images for a model that accepts them: data URLs with the MIME type the bytes really have. */
  images?: AttachedImage[];
  /**
   * Number the page's passages (utils/citations/passages.ts) from `first` and ask Kimi
   * to cite them. `first` > 1 for a part of a long page; `keep` when the "page" is notes
   * that already carry markers, which the answer should keep.
   */
  citations?: { first: number } | { keep: true };
  /** About a tab source the panel holds, sent without its text (`page.text` is ''): the worker resolves it before anything goes to Kimi. */
  verify?: TabSourceRef;
  /** The panel's model, thinking and web search for this question (kept per conversation; checked by the worker). */
  choice?: AskChoice;
}

/** What the worker found when it checked the page of a `verify` request (bg→panel:page). */
export type PageCheck =
  /** Unchanged: only the selection is read afresh. */
  | { same: true; selection: string; selectionContext?: string }
  /** The same address with new content: the question goes with this page. */
  | { same: false; page: PageContent };

export interface AttachmentText {
  name: string;
  text: string;
}

export interface AttachedImage {
  name: string;
  /** `data:image/png;base64,…` */
  dataUrl: string;
}

/** Another tab's text as a question carries it: already cut to its share by the panel, which shows that share. */
export interface TabText {
  title: string;
  url: string;
  text: string;
  /** The share of the tab's text that `text` is (0–1): below 1 the prompt says the rest did not fit. */
  coverage: number;
  /** closed / unreadable: the text is the one last read (the tab is gone, or can't be read now). */
  status?: 'closed' | 'unreadable';
  lang?: string;
  /** Read from a PDF by the panel (pdf.js): its "--- Page N ---" markers are real and give passages their pages. */
  pdf?: true;
  /** Sent without its text (`text` is ''): the worker resolves the tab from what it keeps (utils/background/tab-refs.ts). */
  ref?: TabRef;
}
