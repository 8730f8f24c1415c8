import { browser } from 'wxt/browser';
import { apiBase, originPattern, validateEndpoint } from '../kimi/endpoint';
import { keyHintItem, settingsItem, type Settings } from '../storage/items';
import { setApiKey } from '../storage/secret-store';
import type { MessageKey } from '../i18n';

export interface OptionsDraft extends Settings {
  /** A newly typed key; empty keeps the saved one. */
  apiKey: string;
}

/** A short, safe reminder of which key is saved: never more than its last 4 characters. */
export const keyHint = (key: string): string => (key.length > 8 ? key.slice(-4) : '••••');

/** Checks the draft; returns the message key of the first problem. */
export function checkDraft(draft: OptionsDraft): MessageKey | null {
  const key = draft.apiKey.trim();
  if (key && (/\s/.test(key) || key.length < 8)) return 'optionsKeyMalformed';
  if (draft.platform === 'custom') {
    const problem = validateEndpoint(draft.customEndpoint);
    if (problem === 'endpointEmpty') return 'optionsEndpointEmpty';
    if (problem === 'endpointInvalid') return 'optionsEndpointInvalid';
  }
  return null;
}

/**
 * A custom endpoint needs its host permission, asked for at run time. Call
 * this first thing in a click handler: browsers only show the prompt during
 * the user's gesture.
 */
export function requestEndpointPermission(draft: Settings): Promise<boolean> {
  if (draft.platform !== 'custom' || validateEndpoint(draft.customEndpoint)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPattern(apiBase(draft))] });
}

export async function saveOptions(draft: OptionsDraft): Promise<void> {
  const key = draft.apiKey.trim();
  if (key) {
    await setApiKey(key);
    await keyHintItem.setValue(keyHint(key));
  }
  await settingsItem.setValue({
    platform: draft.platform,
    customEndpoint: draft.customEndpoint.trim(),
    model: draft.model,
    answerLanguage: draft.answerLanguage,
    webSearch: draft.webSearch === true,
    citations: draft.citations !== false,
  });
}
