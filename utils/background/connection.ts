import { browser } from 'wxt/browser';
import type { KimiFailure, ModelInfo } from '../kimi/types';
import { modelsCacheItem, settingsItem, type Settings } from '../storage/items';
import { getApiKey } from '../storage/secret-store';
import { apiBase, originPattern } from '../kimi/endpoint';
import { listModels, pickDefaultModel } from '../kimi/models';
import { KimiError, failureFromException } from '../kimi/errors';
import { uiLanguage } from '../i18n';
import { writeCache } from '../storage/write-errors';
import { heldAnswerStyle } from './answer-style';

export interface Connection {
  base: string;
  apiKey: string;
  model: string;
  /** What /v1/models said about the model, when we have it cached. */
  listed?: ModelInfo;
  /** The cached /v1/models list for this endpoint, when there is one (a model the panel chose is looked up in it). */
  models?: ModelInfo[];
  locale: string;
  answerLanguage: string;
  /** Kimi's built-in web search (a setting, off by default). */
  webSearch?: boolean;
  /** "How Kimi should answer" (Options), '' for none. */
  answerStyle?: string;
}

/** Whether the browser lets us reach a custom endpoint (optional host permission). */
export async function hasHostPermission(settings: Settings): Promise<boolean> {
  if (settings.platform !== 'custom') return true;
  return browser.permissions.contains({ origins: [originPattern(apiBase(settings))] });
}

/** Models for `base`: the cached list, or a fresh GET /v1/models that is then cached. */
export async function modelsFor(base: string, apiKey: string): Promise<ModelInfo[]> {
  const cached = await modelsCacheItem.getValue();
  if (cached && cached.base === base) return cached.models;
  const models = await listModels({ base, apiKey });
  await writeCache(() => modelsCacheItem.setValue({ base, models, fetchedAt: Date.now() }));
  return models;
}

/** What the worker's storage says, read together: the local half of a connection, no network involved. */
export interface LocalConnection {
  settings: Settings;
  apiKey: string;
  models?: ModelInfo[];
  hostAllowed: boolean;
}

/**
 * Reads settings, key, cached models and the host permission in parallel.
 * Cheap and side-effect free, so the worker starts it as soon as the panel
 * opens the port, while the page is still being read.
 */
export async function readLocalConnection(): Promise<LocalConnection> {
  const [settings, apiKey, cached] = await Promise.all([settingsItem.getValue(), getApiKey(), modelsCacheItem.getValue()]);
  const base = apiBase(settings);
  return { settings, apiKey, models: cached?.base === base ? cached.models : undefined, hostAllowed: await hasHostPermission(settings) };
}

/**
 * Everything a request needs, read fresh from storage each time (the worker
 * may have been restarted since the last question). Returns a failure when
 * the user still has something to set up. `local` is a reading started
 * earlier (readLocalConnection); without it storage is read now.
 */
export async function resolveConnection(local?: Promise<LocalConnection>): Promise<Connection | KimiFailure> {
  const style = heldAnswerStyle();
  const { settings, apiKey, models: cachedModels, hostAllowed } = await (local ?? readLocalConnection());
  if (!apiKey) return { kind: 'no-key' };
  const base = apiBase(settings);
  if (!hostAllowed) return { kind: 'no-host-permission', message: base };
  try {
    let model = settings.model;
    let models = cachedModels;
    if (!model) {
      // Only the first question ever pays this round trip; the choice is saved (if storage is full, it is
      // made again next time, and the question still goes).
      models = await modelsFor(base, apiKey);
      model = pickDefaultModel(models).id;
      await writeCache(() => settingsItem.setValue({ ...settings, model }));
    }
    const listed = models?.find((m) => m.id === model);
    return {
      base,
      apiKey,
      model,
      listed,
      ...(models ? { models } : {}),
      locale: uiLanguage(),
      answerLanguage: settings.answerLanguage ?? 'auto',
      webSearch: settings.webSearch === true,
      answerStyle: await style,
    };
  } catch (error) {
    return error instanceof KimiError ? error.failure : failureFromException(error);
  }
}
