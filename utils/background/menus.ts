import { browser, type Browser } from 'wxt/browser';
import type { PendingKind } from '../storage/items';
import { t, type MessageKey } from '../i18n';
import { openPanel } from './open-panel';
import { addPending } from '../storage/pending-actions';
import { checkAhead } from './tab-sources';
import { sendMessage } from '../messaging/send';

type Context = 'page' | 'selection';

/** Menu ids are stable: tests and users' muscle memory depend on them. */
export const MENU_ITEMS: { id: PendingKind; contexts: Context[]; title: MessageKey }[] = [
  { id: 'summarize-page', contexts: ['page'], title: 'menuSummarizePage' },
  { id: 'explain-selection', contexts: ['selection'], title: 'menuExplainSelection' },
  { id: 'translate-selection', contexts: ['selection'], title: 'menuTranslateSelection' },
  { id: 'summarize-selection', contexts: ['selection'], title: 'menuSummarizeSelection' },
  // %s is replaced by the browser with the selected text.
  { id: 'ask-selection', contexts: ['selection'], title: 'menuAskSelection' },
];

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({ id: item.id, contexts: item.contexts as [Context, ...Context[]], title: t(item.title, '%s') });
  }
}

const isKind = (id: unknown): id is PendingKind => MENU_ITEMS.some((m) => m.id === id);

/** Opens the panel on the clicked tab (within the click's gesture), then leaves the action for it. */
export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<unknown> {
  if (!isKind(info.menuItemId) || tab?.id === undefined) return Promise.resolve();
  const opened = openPanel(tab.id, tab.windowId);
  return Promise.all([opened, leaveAction(tab.id, info.menuItemId, info.selectionText)]);
}

/** Keyboard commands that start an action (opening the panel alone is the browser's own command). */
export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<unknown> {
  if ((command !== 'summarize-page' && command !== 'ask-selection') || tab?.id === undefined) return Promise.resolve();
  const opened = openPanel(tab.id, tab.windowId);
  return Promise.all([opened, leaveAction(tab.id, command)]);
}

/**
 * Leaves the action for the panel: stored, for a panel that opens now, and told at once to one already open
 * (which runs each action once, whichever way it came). Meanwhile the worker starts reading the tab.
 */
function leaveAction(tabId: number, kind: PendingKind, selection?: string): Promise<unknown> {
  const now = Date.now();
  checkAhead(tabId);
  const action = { tabId, kind, selection: selection || undefined, createdAt: now };
  Promise.resolve()
    .then(() => sendMessage('bg→panel:action', action))
    .catch(() => undefined); // no panel open
  return addPending(tabId, kind, selection, now);
}
