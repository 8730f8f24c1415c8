/**
 * One-shot messages (runtime.sendMessage), as a map from name to request and
 * reply. Names show the direction: `panel→bg:…` is sent by the side panel and
 * answered by the background; `page→bg:…` by the page reader in a tab.
 */
import type { ExtractResult, VideoChoice } from './types';
import type { KimiFailure, ModelInfo } from '../kimi/types';
import type { DocFailure } from '../documents/types';
import type { PendingAction, Platform } from '../storage/items';
import type { CiteRequest, CiteResult } from '../citations/types';

export interface ConnectionDraft {
  platform: Platform;
  customEndpoint: string;
  /** A key typed but not yet saved; when absent the saved key is used. */
  apiKey?: string;
}

export type ConnectionResult = { ok: true; models: ModelInfo[] } | { ok: false; failure: KimiFailure };

/** A document the panel handed over (utils/documents/transfer.ts) for Kimi's file-extract. */
export interface OcrRequest {
  transferId: string;
  name: string;
}

export type OcrResult = { ok: true; text: string; cached: boolean } | { ok: false; failure: DocFailure; kimiFailure?: KimiFailure };

export type CaptureResult = { ok: true; dataUrl: string } | { ok: false; detail: string };

export type BalanceResult = { ok: true; available: number; cash?: number; voucher?: number; currency?: 'USD' | 'CNY' } | { ok: false; failure: KimiFailure };

export interface ProtocolMap {
  /**
   * `known`: the reading the panel holds; an unchanged page then answers 'same' instead of sending its text again.
   * `added`: a tab added to the questions: its check is held while its page reader watches (tab-sources.ts).
   */
  'panel→bg:extract': { req: { tabId: number; known?: string; video?: VideoChoice; added?: true }; res: ExtractResult };
  'options→bg:test-connection': { req: ConnectionDraft; res: ConnectionResult };
  /** Upload a handed-over document for text recognition (only after the user agreed); the key stays in the worker. */
  'panel→bg:ocr': { req: OcrRequest; res: OcrResult };
  /** A PNG of what the bound tab shows (tabs.captureVisibleTab of its window, when it is the active tab). */
  'panel→bg:capture': { req: { tabId: number }; res: CaptureResult };
  /** GET /v1/users/me/balance with the saved key at the saved, permitted endpoint (nothing in the request is used). */
  'options→bg:balance': { req: Record<string, never>; res: BalanceResult };
  /** The same, asked from the panel's header. */
  'panel→bg:balance': { req: Record<string, never>; res: BalanceResult };
  /** Scroll the bound tab to a cited passage and highlight it briefly (or open a PDF at its page). */
  'panel→bg:cite': { req: CiteRequest; res: CiteResult };
  /** Seek the bound tab's `<video>` to a moment an answer cited and play (the tab must still show that video). */
  'panel→bg:seek': { req: SeekRequest; res: SeekResult };
  /**
   * A panel bound to `tabId` takes that tab's pending menu action. The worker, which owns the pending list, hands
   * each action to the first panel that asks and null to any other, so two panels on one tab never both run it.
   */
  'panel→bg:claim-action': { req: { tabId: number }; res: PendingAction | null };
  /** A menu item or shortcut's action, told at once to a panel already open (it is also stored for one that opens). */
  'bg→panel:action': { req: PendingAction; res: void };
  /** The page reader in a tab: the page's main text (or its selection, or address) changed since its last answer, which the worker must not reuse (change-watch.ts). */
  'page→bg:changed': { req: { selection?: true }; res: void };
  /** The worker, when a tab's page reader says its selection changed: a panel bound to that tab reads it, to show it. */
  'bg→panel:selection-changed': { req: { tabId: number }; res: void };
  /** The selection button's page script (opt-in, top frame): open the panel on this tab with this action. */
  'page→bg:selection-action': { req: { kind: 'explain-selection' | 'summarize-selection' | 'translate-selection'; selection: string }; res: void };
}

export interface SeekRequest {
  tabId: number;
  /** The video page the answer is about: the tab must still show that video (and part). */
  url: string;
  seconds: number;
}

export type SeekResult = { ok: true } | { ok: false; reason: 'moved' | 'blocked' | 'no-player' };

export type MessageName = keyof ProtocolMap;

export type Message<N extends MessageName = MessageName> = {
  [K in N]: { name: K; data: ProtocolMap[K]['req'] };
}[N];

export type Reply<N extends MessageName> = ProtocolMap[N]['res'];

/**
 * The receiving side of one-shot messages: per name, `parse` checks what another context sent (once, at the
 * boundary: undefined means no answer at all) and `handle` gets it typed.
 */
export type MessageHandlers = {
  [N in MessageName]?: { parse: (data: unknown) => ProtocolMap[N]['req'] | undefined; handle: (data: ProtocolMap[N]['req']) => Promise<Reply<N>> };
};
