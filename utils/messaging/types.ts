/** Shapes shared by the worker, the panel, the options page and the content script. */
import type { DocFailure } from '../documents/types';

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
  /** Names a reading the page reader keeps in the page (utils/extract/reuse.ts), so the next read can say "the same". */
  reading?: string;
  /** PDFs with some pages that have no text layer among pages that have one (utils/panel/textless-pages.ts). */
  textless?: TextlessPages;
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
  | 'empty';

export type ExtractResult =
  | { ok: true; page: PageContent }
  | { ok: false; reason: ExtractFailureReason; url?: string; detail?: string }
  /**
   * The tab shows a PDF (either browser's viewer): the panel fetches and reads it
   * itself, since pdf.js needs an extension page and must stay out of the worker.
   */
  | { ok: 'pdf'; url: string }
  /** The page is as in the reading the panel named (`known`): only the selection is new. The page's text stays put. */
  | ({ ok: 'same' } & SameReading);

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

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
  /**
   * The page was sent as the panel last read it, without its text (`page.text` is ''): the worker checks it
   * against the tab (reading id `reading`) before anything goes to Kimi, and takes the text from the reading it
   * kept, or asks the panel for it (bg→panel:need-page). This saves the panel a round trip through the worker
   * and the page a trip over the port. `freshSelection`: the tab's current selection replaces the request's
   * (false for "Summarize this page").
   */
  verify?: { tabId: number; reading: string; freshSelection: boolean };
  /** The panel's model, thinking and web search for this question (kept per conversation; checked by the worker). */
  choice?: AskChoice;
}

export type ReasoningEffort = 'low' | 'high' | 'max';

/** What the user set in the panel for the next question; a field left out keeps the saved setting or the model's default. */
export interface AskChoice {
  model?: string;
  thinking?: boolean;
  reasoningEffort?: ReasoningEffort;
  webSearch?: boolean;
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

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | string;

/** What went wrong, in machine terms; utils/kimi/error-table.ts turns it into words. */
export type FailureKind =
  /** The API answered with an HTTP error (status, and error.type when the body had one). */
  | 'http'
  /** An `error` object arrived inside a 200 stream. */
  | 'stream-error'
  /** The stream ended without `data: [DONE]`. */
  | 'incomplete'
  /** fetch() itself failed: offline, DNS, TLS, refused, proxy. */
  | 'network'
  /** No byte within the time limit. */
  | 'timeout'
  /** The endpoint answered with something that is not the Kimi API (HTML, not JSON). */
  | 'not-api'
  /** No API key saved. */
  | 'no-key'
  /** The custom endpoint's host permission was not granted. */
  | 'no-host-permission'
  /** The endpoint broke the API's rules in a way that can't be read past (a tool call numbered beyond any sane count). */
  | 'protocol'
  /** Checked before sending: the prompt cannot fit the model's context window (numbers in promptTokens/contextLength). */
  | 'too-long';

export interface KimiFailure {
  kind: FailureKind;
  status?: number;
  /** error.type from the body, e.g. `rate_limit_reached_error`. */
  type?: string;
  /** The raw message from the API or the network error, shown under "Details". */
  message?: string;
  /** `Msh-Request-Id`, for support tickets. */
  requestId?: string;
  /** Seconds to wait, when the message says "try again after N seconds". */
  retryAfterSeconds?: number;
  /** The API base the request went to, so the message can link the right console (top-up). */
  base?: string;
  /** On a 401: the key works on this other official platform (checked with GET /v1/models). */
  otherPlatform?: 'international' | 'china';
  /** For 'too-long': the prompt's size and the model's window, in tokens. */
  promptTokens?: number;
  contextLength?: number;
  /** For 'too-long': the model that was asked. */
  model?: string;
}

/** A tool Moonlit ran while answering, shown as a small status line. */
export interface ToolUse {
  name: 'calculator' | '$web_search' | string;
  /** Calculator: "12*7 = 84"; web search: the query when known. */
  detail?: string;
  /** The model asked for a tool this request did not offer: it was not run, and nothing was sent back for it but a refusal. */
  refused?: true;
}

export interface ModelInfo {
  id: string;
  contextLength?: number;
  supportsImages?: boolean;
  supportsReasoning?: boolean;
}
