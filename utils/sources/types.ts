import type { DocFailure } from '../documents/types';
import type { KimiFailure } from '../kimi/types';

export interface PageContent {
  url: string;
  title: string;
  /** Main text as Markdown-like plain text. */
  text: string;
  /** The user's selection, empty when there is none. */
  selection: string;
  /** A little text around the selection, so a question about it has context. */
  selectionContext?: string;
  /** The document language (`<html lang>`), when the page declares one. */
  lang?: string;
  /** Which extractor or site adapter produced `text`. */
  source?: string;
  /** Names a reading the page reader keeps in the page (utils/extract/kept-reading.ts), so the next read can say "the same". */
  reading?: string;
  /** PDFs with some pages that have no text layer among pages that have one (utils/panel/textless-pages.ts). */
  textless?: TextlessPages;
  /** A video page: `text` is its transcript (utils/video/transcript.ts), and this says what it is of. */
  video?: VideoInfo;
}

/** A video source's facts, as the video reader found them in the page (utils/video/read-video.ts). */
export interface VideoInfo {
  site: 'youtube' | 'bilibili';
  /** YouTube's video id, or Bilibili's BV id (or `av123`). */
  id: string;
  /** Bilibili's part (`?p=N`), 1 elsewhere. */
  part: number;
  title: string;
  /** The channel or uploader. */
  author: string;
  durationSeconds: number;
  /** The description as the page gives it, bounded: context, apart from the transcript. */
  description: string;
  chapters: { start: number; title: string }[];
  /** The track read, and every track there is (for the picker). Empty `language` when the page did not say. */
  track: VideoTrackInfo;
  tracks: VideoTrackInfo[];
  /** Which method read it (utils/video/methods/). */
  method: string;
  /** No transcript: the user chose to answer from the title and description only. */
  titleOnly?: true;
}

export interface VideoTrackInfo {
  language: string;
  label: string;
  kind: 'uploaded' | 'automatic';
}

/** A PDF's pages without text: never dropped silently, and offered to text recognition. */
export interface TextlessPages {
  /** 1-based pages with no text layer, not recognised yet. */
  pending: number[];
  /** Pages text recognition ran on and found no text either (blank pages, pictures). */
  empty: number[];
  /** Why the last recognition stopped, when it did (pages done before it are kept). */
  failed?: { failure: DocFailure; kimiFailure?: KimiFailure };
}

/** What a question can be about; a 'video' is a tab whose text is the video's transcript. */
export type SourceKind = 'tab' | 'pdf' | 'file' | 'screenshot' | 'video';

/**
 * One thing a question is about, as the panel shows it and the prompt numbers it. `id` names this version of
 * it: for a tab, the page reader's reading (one document, read once; a change in its main text is a new one).
 */
export interface Source {
  kind: SourceKind;
  id: string;
  title: string;
  /** A tab's or a PDF's address. */
  url?: string;
  /** An attached file's or screenshot's name. */
  fileName?: string;
  text: string;
  /** The first passage number of `text` (utils/citations/passages.ts): >1 for a part of a long source. */
  firstPassage: number;
  /** Local estimate of `text` in tokens (utils/kimi/estimate.ts). */
  tokens: number;
  /** The share of `text` a question can carry whole (0–1): below 1 it goes in parts or trimmed, and says so. */
  coverage: number;
}

/**
 * A question's reference to a tab source the panel holds, sent instead of its text: the worker resolves it
 * (utils/background/tab-sources.ts) against what the tab shows at the click. The request's selection is the
 * one the panel showed, and goes as it is: the tab's selection at the click never replaces it.
 */
export interface TabSourceRef {
  tabId: number;
  reading: string;
}

/**
 * An added tab a question carries without its text (utils/sources/tab-refs.ts): the worker takes the text it keeps
 * for `reading` (or asks the panel for it) and cuts it exactly as the panel showed it.
 */
export interface TabRef extends TabSourceRef {
  /** The characters of the tab's text the panel showed as sent: a prefix (budget.ts's fitText). */
  chars: number;
  /** The tokens a changed version of the tab may take: its share of the room (the same rule as the panel's split). */
  share: number;
}
