/**
 * Every stored setting, typed and versioned, in one file.
 *
 * The API key is NOT here: storage.local is readable from content scripts, so
 * the key lives in the extension origin's IndexedDB (see secret-store.ts),
 * which only extension pages and the worker can open.
 */
import { storage } from '#imports';
import type { ModelInfo } from '../kimi/types';
import type { ActionContext } from '../actions/types';

export type Platform = 'international' | 'china' | 'custom';

export interface Settings {
  platform: Platform;
  /** Only used when platform is 'custom': a proxy or the local simulator. */
  customEndpoint: string;
  /** Empty until the user picks one or a default is chosen from /v1/models. */
  model: string;
  /** 'auto' answers in the language of the question; otherwise a BCP 47 tag such as 'zh-CN'. */
  answerLanguage: string;
  /** Kimi's built-in $web_search tool. Off by default: every search is billed. */
  webSearch: boolean;
  /** Ask Kimi to cite the page's passages, shown as small numbered links. */
  citations: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  platform: 'international',
  customEndpoint: '',
  model: '',
  answerLanguage: 'auto',
  webSearch: false,
  citations: true,
};

type SettingsV3 = Omit<Settings, 'citations'>;
type SettingsV2 = Omit<SettingsV3, 'webSearch'>;
type SettingsV1 = Omit<SettingsV2, 'answerLanguage'>;

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: {
    // v2 added the answer language; earlier users keep "same as the question".
    2: (v1: SettingsV1): SettingsV2 => ({ ...v1, answerLanguage: 'auto' }),
    // v3 added web search, which costs money per call: off until the user turns it on.
    3: (v2: SettingsV2): SettingsV3 => ({ ...v2, webSearch: false }),
    // v4 added citations: on, like for new users (free, and they can be turned off).
    4: (v3: SettingsV3): Settings => ({ ...v3, citations: true }),
  },
});

/** The last GET /v1/users/me/balance, for the panel's low-balance warning (checked at most every few minutes). */
export interface BalanceCache {
  base: string;
  /** available_balance; null when the endpoint has no balance API. */
  available: number | null;
  /** 'USD' on .ai, 'CNY' on .cn, undefined on a custom endpoint. */
  currency?: 'USD' | 'CNY';
  checkedAt: number;
}

export const balanceCacheItem = storage.defineItem<BalanceCache | null>('local:balanceCache', {
  fallback: null,
  version: 1,
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
/** An action's id: a built-in's (utils/actions/builtin/) or a user action's (`user-…`). */
export type PendingKind = string;

/**
 * The image a menu click was on, cut from a capture of the tab (utils/background/image-capture.ts): its PNG bytes
 * wait in the extension's IndexedDB under `transferId` (too big for this storage), or why there is none.
 */
export type PendingImage = { transferId: string; partial: boolean } | { failure: 'refused' | 'not-found' | 'off-screen' | 'other-frame'; detail?: string };

export interface PendingAction {
  tabId: number;
  kind: PendingKind;
  /** The selection as the browser reported it with the click, if any. */
  selection?: string;
  /** For a click on an image: the image, or why it could not be captured. */
  image?: PendingImage;
  createdAt: number;
}

export const pendingActionsItem = storage.defineItem<PendingAction[]>('session:pendingActions', {
  fallback: [],
  version: 1,
});

/**
 * The user's actions (Options → Actions), in the order shown: built-ins by id, with any edits, and the user's
 * own. A built-in missing here is shown with its defaults (utils/actions/merge.ts).
 */
export interface StoredAction {
  id: string;
  hidden: boolean;
  /** For a built-in, absent means its default. */
  name?: string;
  prompt?: string;
  contexts?: ActionContext[];
  /** A model id for this action; absent: the model chosen in Options. */
  model?: string;
}

export interface ActionsSetting {
  list: StoredAction[];
}

export const actionsItem = storage.defineItem<ActionsSetting>('local:actions', {
  fallback: { list: [] },
  version: 1,
});

/** "How Kimi should answer": the user's standing instructions (who they are, tone, length); '' for none. */
export const answerStyleItem = storage.defineItem<string>('local:answerStyle', {
  fallback: '',
  version: 1,
});

/**
 * The opt-in selection button (utils/selection-button/). Off by default: turning it on asks for the broad host
 * permission and registers the page script; `neverHere` are hosts (one per entry) where it is never registered.
 */
export interface SelectionButton {
  enabled: boolean;
  neverHere: string[];
}

export const selectionButtonItem = storage.defineItem<SelectionButton>('local:selectionButton', {
  fallback: { enabled: false, neverHere: [] },
  version: 1,
});
