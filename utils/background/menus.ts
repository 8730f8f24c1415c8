import { browser, type Browser } from 'wxt/browser';
import type { PendingImage, PendingKind } from '../storage/items';
import { captureImage } from './image-capture';
import { actionsItem } from '../storage/items';
import { t } from '../i18n';
import { openPanel } from './open-panel';
import { addPending } from '../storage/pending-actions';
import { checkAhead } from './tab-sources';
import { sendMessage } from '../messaging/send';
import { mayBeAction, mergeActions, type Action } from '../actions/merge';
import { builtinAction } from '../actions/builtin';
import type { ActionContext } from '../actions/types';

/** The parent item when there are more than a few: browsers expect an extension to keep to one entry. */
export const MENU_PARENT = 'moonlit';
/** Up to this many items stand on their own (the built-ins as they always were). */
export const MENU_FLAT_MAX = 5;

/** One menu item per visible action; ids are the actions' ids (stable for built-ins: tests and users rely on them). */
export function menuItems(actions: readonly Action[]): { id: string; contexts: ActionContext[]; title: string }[] {
  return actions
    .filter((a) => !a.hidden && a.contexts.length > 0)
    .map((a) => {
      const b = a.builtin;
      // An unedited built-in keeps its menu wording (with %s, which the browser fills with the selected text).
      const title = b && a.name === t(b.name) ? t(b.menuTitle, '%s') : a.name;
      return { id: a.id, contexts: a.contexts, title };
    });
}

let building: Promise<unknown> = Promise.resolve();

/** Builds the menu from the actions as stored now; calls run one after another, so two quick edits never mix. */
export function createMenus(): Promise<void> {
  const run = building.then(async () => {
    const items = menuItems(mergeActions(await actionsItem.getValue(), t));
    await browser.contextMenus.removeAll();
    // An image's menu shows only image items: what crowds the menu is the page and selection items.
    const grouped = items.filter((i) => i.contexts.some((c) => c !== 'image')).length > MENU_FLAT_MAX;
    if (grouped) {
      const all = [...new Set(items.flatMap((i) => i.contexts))] as [ActionContext, ...ActionContext[]];
      browser.contextMenus.create({ id: MENU_PARENT, contexts: all, title: t('appName') });
    }
    for (const item of items) {
      browser.contextMenus.create({
        id: item.id,
        contexts: item.contexts as [ActionContext, ...ActionContext[]],
        title: item.title,
        ...(grouped ? { parentId: MENU_PARENT } : {}),
      });
    }
  });
  building = run.catch(() => undefined);
  return run;
}

/** Opens the panel on the clicked tab (within the click's gesture), then leaves the action for it. */
export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<unknown> {
  if (!mayBeAction(info.menuItemId) || tab?.id === undefined) return Promise.resolve();
  const opened = openPanel(tab.id, tab.windowId);
  if (info.mediaType === 'image' && info.srcUrl) {
    // The image is cut from a capture of the tab now, while the click's activeTab holds; then the action waits.
    const tabId = tab.id;
    const image = captureImage(tabId, tab.windowId, info.frameId, info.srcUrl);
    return Promise.all([opened, image.then((img) => leaveAction(tabId, info.menuItemId as string, undefined, img))]);
  }
  return Promise.all([opened, leaveAction(tab.id, info.menuItemId, info.selectionText)]);
}

/** Keyboard commands that start an action (opening the panel alone is the browser's own command). */
export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<unknown> {
  if (!builtinAction(command)?.command || tab?.id === undefined) return Promise.resolve();
  const opened = openPanel(tab.id, tab.windowId);
  return Promise.all([opened, leaveAction(tab.id, command)]);
}

/**
 * Leaves the action for the panel: stored, for a panel that opens now, and told at once to one already open
 * (which runs each action once, whichever way it came). Meanwhile the worker starts reading the tab.
 */
function leaveAction(tabId: number, kind: PendingKind, selection?: string, image?: PendingImage): Promise<unknown> {
  const now = Date.now();
  checkAhead(tabId);
  const action = { tabId, kind, selection: selection || undefined, ...(image ? { image } : {}), createdAt: now };
  Promise.resolve()
    .then(() => sendMessage('bg→panel:action', action))
    .catch(() => undefined); // no panel open
  return addPending(tabId, kind, selection, now, image);
}
