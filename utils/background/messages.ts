import type { Browser } from 'wxt/browser';
import type { ConnectionDraft, ConnectionResult, Message } from '../messaging/protocol';
import { apiBase } from '../kimi/endpoint';
import { listModels } from '../kimi/models';
import { KimiError, failureFromException } from '../kimi/errors';
import { getApiKey } from '../storage/secret-store';
import { modelsCacheItem } from '../storage/items';
import { extractTab } from './extract-tab';
import { isExtensionPage } from './sender';

/**
 * One-shot messages. Only Moonlit's own pages may send them; anything from a
 * content script or another extension gets no answer at all.
 */
export function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (!isExtensionPage(sender)) return undefined;
  const message = raw as Message;
  switch (message?.name) {
    case 'panel→bg:extract':
      if (typeof message.data?.tabId !== 'number') return undefined;
      return extractTab(message.data.tabId);
    case 'options→bg:test-connection':
      return testConnection(message.data);
    default:
      return undefined;
  }
}

export async function testConnection(draft: ConnectionDraft): Promise<ConnectionResult> {
  const apiKey = draft.apiKey?.trim() || (await getApiKey());
  if (!apiKey) return { ok: false, failure: { kind: 'no-key' } };
  const base = apiBase(draft);
  try {
    const models = await listModels({ base, apiKey });
    await modelsCacheItem.setValue({ base, models, fetchedAt: Date.now() });
    return { ok: true, models };
  } catch (error) {
    const failure = error instanceof KimiError ? error.failure : failureFromException(error);
    return { ok: false, failure };
  }
}
