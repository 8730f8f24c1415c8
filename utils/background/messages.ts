import type { Browser } from 'wxt/browser';
import type { BalanceResult, ConnectionDraft, ConnectionResult, Message } from '../messaging/protocol';
import { apiBase, validateEndpoint } from '../kimi/endpoint';
import { listModels } from '../kimi/models';
import { getBalance } from '../kimi/balance';
import { probeOtherPlatform, type PlatformBases } from '../kimi/platform-probe';
import { KimiError, failureFromException } from '../kimi/errors';
import { getApiKey } from '../storage/secret-store';
import { balanceCacheItem, DEFAULT_SETTINGS, modelsCacheItem, settingsItem } from '../storage/items';
import { writeCache } from '../storage/write-errors';
import { hasHostPermission } from './connection';
import { extractTab } from './extract-tab';
import { keepPage, noteReading, readingIn } from './page-cache';
import type { ExtractResult } from '../messaging/types';
import { ocrDocument } from './document-ocr';
import { captureTab } from './document-capture';
import { isExtensionPage, pageScriptTab } from './sender';
import { pageChanged } from './tab-checks';
import { citeInTab, parseCiteRequest } from './cite-tab';
import { takePending } from '../storage/pending-actions';
import { onSelectionAction } from './selection-action';

/**
 * One-shot messages. Only Moonlit's own pages may send them; anything from a
 * content script or another extension gets no answer at all. The one thing the
 * page reader may say (that its page changed) only drops a cached check.
 */
export function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  const message = raw as Message;
  const fromTab = pageScriptTab(sender);
  if (fromTab !== undefined && message?.name === 'page→bg:changed') pageChanged(fromTab);
  if (fromTab !== undefined && message?.name === 'page→bg:selection-action') return onSelectionAction(fromTab, sender.tab?.windowId, message.data);
  if (!isExtensionPage(sender)) return undefined;
  switch (message?.name) {
    case 'panel→bg:extract':
      if (typeof message.data?.tabId !== 'number') return undefined;
      return extractTab(message.data.tabId, typeof message.data.known === 'string' ? message.data.known : undefined).then((r) => keepRead(message.data.tabId, r));
    case 'options→bg:test-connection':
      return isDraft(message.data) ? testConnection(message.data) : undefined;
    case 'options→bg:balance':
    case 'panel→bg:balance':
      // Whatever the message carries is ignored: only the saved settings and key are ever used.
      return checkBalance();
    case 'panel→bg:ocr':
      if (typeof message.data?.transferId !== 'string' || typeof message.data?.name !== 'string') return undefined;
      return ocrDocument(message.data);
    case 'panel→bg:capture':
      if (typeof message.data?.tabId !== 'number') return undefined;
      return captureTab(message.data.tabId);
    case 'panel→bg:claim-action': {
      const tabId = message.data?.tabId;
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return undefined;
      // takePending's updates run one after another in this worker: of two panels asking, only the first gets it.
      return takePending(tabId).then((action) => action ?? null);
    }
    case 'panel→bg:cite': {
      const req = parseCiteRequest(message.data);
      return req ? citeInTab(req) : undefined;
    }
    default:
      return undefined;
  }
}

export interface MessageDeps {
  fetchImpl?: typeof fetch;
  /** The two official hosts; tests point them at simulators. */
  platformBases?: PlatformBases;
}

/** The draft's base: the official hosts can be redirected for tests. */
function baseFor(draft: Pick<ConnectionDraft, 'platform' | 'customEndpoint'>, deps: MessageDeps): string {
  if (draft.platform !== 'custom' && deps.platformBases) return deps.platformBases[draft.platform];
  return apiBase(draft);
}

/**
 * GET /v1/models for the draft. The saved key only ever goes to the saved endpoint: testing an address not
 * saved yet needs the key typed with it (the options page says so). A custom address needs its host permission.
 */
export async function testConnection(draft: ConnectionDraft, deps: MessageDeps = {}): Promise<ConnectionResult> {
  const typed = draft.apiKey?.trim();
  const base = baseFor(draft, deps);
  const saved = typed ? undefined : await settingsItem.getValue();
  if (saved && baseFor(saved, deps) !== base) return { ok: false, failure: { kind: 'no-key' } };
  const apiKey = typed || (await getApiKey());
  if (!apiKey) return { ok: false, failure: { kind: 'no-key' } };
  if (!(await hasHostPermission({ ...DEFAULT_SETTINGS, ...draft }))) return { ok: false, failure: { kind: 'no-host-permission', message: base } };
  try {
    const models = await listModels({ base, apiKey, fetchImpl: deps.fetchImpl });
    await writeCache(() => modelsCacheItem.setValue({ base, models, fetchedAt: Date.now() }));
    return { ok: true, models };
  } catch (error) {
    const failure = { ...(error instanceof KimiError ? error.failure : failureFromException(error)), base };
    // A 401 on one official platform: one GET /v1/models on the other tells whether the key belongs there.
    if (failure.kind === 'http' && failure.status === 401) {
      const other = await probeOtherPlatform(base, apiKey, { bases: deps.platformBases, fetchImpl: deps.fetchImpl });
      if (other) failure.otherPlatform = other;
    }
    return { ok: false, failure };
  }
}

/**
 * The balance for the saved key at the saved endpoint, and only when the browser lets Moonlit reach it: the
 * key never goes to an address the user typed but did not save (the options page asks to save first).
 */
export async function checkBalance(deps: MessageDeps = {}): Promise<BalanceResult> {
  const [settings, apiKey] = await Promise.all([settingsItem.getValue(), getApiKey()]);
  if (!apiKey) return { ok: false, failure: { kind: 'no-key' } };
  const base = baseFor(settings, deps);
  if (!(await hasHostPermission(settings))) return { ok: false, failure: { kind: 'no-host-permission', message: base } };
  try {
    const b = await getBalance({ base, apiKey, fetchImpl: deps.fetchImpl, bases: deps.platformBases });
    // Also refreshes the panel's low-balance warning.
    await writeCache(() => balanceCacheItem.setValue({ base, available: b.available, ...(b.currency ? { currency: b.currency } : {}), checkedAt: Date.now() }));
    return { ok: true, ...b };
  } catch (error) {
    return { ok: false, failure: { ...(error instanceof KimiError ? error.failure : failureFromException(error)), base } };
  }
}

/** The boundary check for a draft from the options page. */
function isDraft(d: unknown): d is ConnectionDraft {
  const x = d as ConnectionDraft | null;
  return (
    !!x &&
    ['international', 'china', 'custom'].includes(x.platform) &&
    typeof x.customEndpoint === 'string' &&
    (x.platform !== 'custom' || validateEndpoint(x.customEndpoint) === null) &&
    (x.apiKey === undefined || typeof x.apiKey === 'string')
  );
}

/** A page read whole passes through here: kept, so a question about it need not carry its text back (page-cache.ts). */
function keepRead(tabId: number, result: ExtractResult): ExtractResult {
  if (result.ok === true) keepPage(result.page);
  noteReading(tabId, readingIn(result));
  return result;
}
