/**
 * Every stored setting, typed and versioned, in one file.
 *
 * The API key is NOT here: storage.local is readable from content scripts, so
 * the key lives in the extension origin's IndexedDB (see secret-store.ts),
 * which only extension pages and the worker can open.
 */
import { storage } from '#imports';
import type { ModelInfo } from '../messaging/types';

export type Platform = 'international' | 'china' | 'custom';

export interface Settings {
  platform: Platform;
  /** Only used when platform is 'custom': a proxy or the local simulator. */
  customEndpoint: string;
  /** Empty until the user picks one or a default is chosen from /v1/models. */
  model: string;
  /** 'auto' answers in the language of the question; otherwise a BCP 47 tag such as 'zh-CN'. */
  answerLanguage: string;
}

export const DEFAULT_SETTINGS: Settings = {
  platform: 'international',
  customEndpoint: '',
  model: '',
  answerLanguage: 'auto',
};

type SettingsV1 = Omit<Settings, 'answerLanguage'>;

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // v2 added the answer language; earlier users keep "same as the question".
    2: (v1: SettingsV1): Settings => ({ ...v1, answerLanguage: 'auto' }),
  },
});

/** The last 4 characters of the saved key, so the options page can show it is set. */
export const keyHintItem = storage.defineItem<string>('local:keyHint', {
  fallback: '',
  version: 1,
});

/** The last GET /v1/models answer, so a question needs no extra round trip to learn the model's limits. */
export interface ModelsCache {
  base: string;
  models: ModelInfo[];
  fetchedAt: number;
}

export const modelsCacheItem = storage.defineItem<ModelsCache | null>('local:modelsCache', {
  fallback: null,
  version: 1,
});

/**
 * What a context-menu item or shortcut asked for, waiting for the panel to
 * pick it up. Session storage: only extension pages can read it, and it is
 * gone when the browser closes.
 */
export type PendingKind =
  | 'summarize-page'
  | 'explain-selection'
  | 'translate-selection'
  | 'summarize-selection'
  | 'ask-selection';

export interface PendingAction {
  tabId: number;
  kind: PendingKind;
  /** The selection as the browser reported it with the click, if any. */
  selection?: string;
  createdAt: number;
}

export const pendingActionsItem = storage.defineItem<PendingAction[]>('session:pendingActions', {
  fallback: [],
  version: 1,
});
