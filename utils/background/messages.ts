import type { Browser } from 'wxt/browser';
import type { BalanceResult, ConnectionDraft, ConnectionResult, MessageHandlers, MessageName, Reply } from '../messaging/protocol';
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
import { noteRead, readAddedTab, sourceChanged } from './tab-sources';
import { tabRefDeps } from './tab-refs';
import { ocrDocument } from './document-ocr';
import { captureTab } from './document-capture';
import { isExtensionPage, pageScriptTab } from './sender';
import { citeInTab, parseCiteRequest } from './cite-tab';
import { parseSeekRequest, parseVideoChoice, seekInTab } from './seek-tab';
import { takePending } from '../storage/pending-actions';
import { onSelectionAction } from './selection-action';
import { sendMessage } from '../messaging/send';

const tabIdOf = (d: unknown): number | undefined => {
  const id = (d as { tabId?: unknown } | null)?.tabId;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
};
const withTab = <T>(d: unknown, more: (tabId: number) => T) => {
  const tabId = tabIdOf(d);
  return tabId === undefined ? undefined : more(tabId);
};

/** Moonlit's own pages' messages: each parsed once here, then handled typed. */
const HANDLERS: MessageHandlers = {
  'panel→bg:extract': {
    parse: (d) =>
      withTab(d, (tabId) => {
        const { known, video, added } = d as { known?: unknown; video?: unknown; added?: unknown };
        const choice = parseVideoChoice(video);
        return {
          tabId,
          ...(typeof known === 'string' && known.length <= 400 ? { known } : {}),
          ...(choice ? { video: choice } : {}),
          ...(added === true ? { added } : {}),
        };
      }),
    // A page read whole is kept, so a question about it need not carry its text back (tab-sources.ts); an added
    // tab's check is held there while its reader watches.
    handle: ({ tabId, known, video, added }) => {
      const read = () => extractTab(tabId, known, video);
      if (added && !video) return readAddedTab(tabId, known, { read, look: tabRefDeps.look });
      return read().then((r) => noteRead(tabId, r) ?? r);
    },
  },
  'options→bg:test-connection': { parse: (d) => (isDraft(d) ? d : undefined), handle: (draft) => testConnection(draft) },
  // Whatever the message carries is ignored: only the saved settings and key are ever used.
  'options→bg:balance': { parse: () => ({}), handle: () => checkBalance() },
  'panel→bg:balance': { parse: () => ({}), handle: () => checkBalance() },
  'panel→bg:ocr': {
    parse: (d) => {
      const { transferId, name } = (d ?? {}) as Record<string, unknown>;
      return typeof transferId === 'string' && typeof name === 'string' ? { transferId, name } : undefined;
    },
    handle: (req) => ocrDocument(req),
  },
  'panel→bg:capture': { parse: (d) => withTab(d, (tabId) => ({ tabId })), handle: ({ tabId }) => captureTab(tabId) },
  // takePending's updates run one after another in this worker: of two panels asking, only the first gets it.
  'panel→bg:claim-action': { parse: (d) => withTab(d, (tabId) => ({ tabId })), handle: ({ tabId }) => takePending(tabId).then((a) => a ?? null) },
  'panel→bg:cite': { parse: (d) => parseCiteRequest(d) ?? undefined, handle: (req) => citeInTab(req) },
  'panel→bg:seek': { parse: (d) => parseSeekRequest(d) ?? undefined, handle: (req) => seekInTab(req) },
};

function handle<N extends MessageName>(name: N, data: unknown): Promise<Reply<N>> | undefined {
  const entry = HANDLERS[name] as MessageHandlers[N] | undefined;
  const parsed = entry?.parse(data);
  return entry && parsed !== undefined ? entry.handle(parsed) : undefined;
}

/**
 * One-shot messages. Only Moonlit's own pages may send them; anything from a content script or another
 * extension gets no answer at all. The one thing the page reader may say (that the main text of its page
 * changed) only drops that tab's held check.
 */
export function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  const { name, data } = (raw ?? {}) as { name?: unknown; data?: unknown };
  const fromTab = pageScriptTab(sender);
  if (fromTab !== undefined && name === 'page→bg:changed') pageChanged(fromTab, data);
  if (fromTab !== undefined && name === 'page→bg:selection-action') return onSelectionAction(fromTab, sender.tab?.windowId, data);
  if (!isExtensionPage(sender) || typeof name !== 'string' || !Object.hasOwn(HANDLERS, name)) return undefined;
  return handle(name as MessageName, data);
}

/**
 * A tab's page changed since its reader's last answer. When only the selection did, a panel bound to the tab is
 * told, reads it (which arms the reader's watch again) and shows it: the selection a question carries is the one
 * the panel shows (tab-sources.ts). Nothing else crosses: the panel reads the selection itself, from the worker.
 */
function pageChanged(tabId: number, data: unknown): void {
  const selection = (data as { selection?: unknown } | null)?.selection === true;
  // Only a change in the main text is read ahead: the panel reads a new selection itself, and shows it.
  sourceChanged(tabId, selection ? null : undefined);
  if (!selection) return;
  void sendMessage('bg→panel:selection-changed', { tabId }).catch(() => undefined); // no panel open: nobody to tell
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
