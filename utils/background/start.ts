import { browser } from 'wxt/browser';
import { ASK_PORT } from '../messaging/port-protocol';
import { handleAskPort } from './ask-session';
import { handleMessage } from './messages';
import { isExtensionPage } from './sender';
import { setUpToolbarButton } from './toolbar';
import { createMenus, onCommand, onMenuClicked } from './menus';
import { watchHeldConnection } from './held-connection';
import { actionsItem } from '../storage/items';
import { watchAnswerStyle } from './answer-style';
import { syncSelectionButton } from '../selection-button/registration';

/** Everything the background does, registered synchronously at start-up (MV3 needs that). */
export function startBackground(): void {
  setUpToolbarButton();
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  // The user's actions changed (Options, an import, sync): the menu follows at once, no restart.
  actionsItem.watch(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.runtime.onMessage.addListener(handleMessage);
  watchHeldConnection();
  watchAnswerStyle();
  // The selection button's script stays registered only with its permission (taken back in the browser's settings).
  browser.permissions.onRemoved.addListener(() => void syncSelectionButton().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void syncSelectionButton().catch(() => undefined));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ASK_PORT || !isExtensionPage(port.sender)) {
      port.disconnect();
      return;
    }
    handleAskPort(port);
  });
  // Firefox has no contextMenus.onClicked.dispatch: e2e builds expose the handlers instead.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, { __moonlit: { onMenuClicked, onCommand, createMenus } });
  }
}
