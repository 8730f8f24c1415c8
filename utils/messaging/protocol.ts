/**
 * One-shot messages (runtime.sendMessage), as a map from name to request and
 * reply. Names show the direction: `panel→bg:…` is sent by the side panel and
 * answered by the background.
 */
import type { ExtractResult, KimiFailure, ModelInfo } from './types';
import type { Platform } from '../storage/items';

export interface ConnectionDraft {
  platform: Platform;
  customEndpoint: string;
  /** A key typed but not yet saved; when absent the saved key is used. */
  apiKey?: string;
}

export type ConnectionResult =
  | { ok: true; models: ModelInfo[] }
  | { ok: false; failure: KimiFailure };

export interface ProtocolMap {
  'panel→bg:extract': { req: { tabId: number }; res: ExtractResult };
  'options→bg:test-connection': { req: ConnectionDraft; res: ConnectionResult };
}

export type MessageName = keyof ProtocolMap;

export type Message<N extends MessageName = MessageName> = {
  [K in N]: { name: K; data: ProtocolMap[K]['req'] };
}[N];

export type Reply<N extends MessageName> = ProtocolMap[N]['res'];
