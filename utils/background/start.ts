import { browser } from 'wxt/browser';
import { ASK_PORT } from '../messaging/port-protocol';
import { handleAskPort } from './ask-session';
import { handleMessage } from './messages';
import { isExtensionPage } from './sender';
import { setUpToolbarButton } from './toolbar';

/** Everything the background does, registered synchronously at start-up (MV3 needs that). */
export function startBackground(): void {
  setUpToolbarButton();
  browser.runtime.onMessage.addListener(handleMessage);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ASK_PORT || !isExtensionPage(port.sender)) {
      port.disconnect();
      return;
    }
    handleAskPort(port);
  });
}
