// What the shared flow needs from a browser with Moonlit loaded, whichever browser it is.
import type { UiPage } from './ui-driver';

export interface ExtensionBrowser {
  /** For messages: "Chromium" or "Firefox". */
  name: string;
  extensionId: string;
  /** chrome-extension://ID or moz-extension://UUID, without a trailing slash. */
  origin: string;
  /** Opens `url` in a new tab and returns it once its document is there. */
  open(url: string): Promise<UiPage>;
  /** The browser's tab id of the open tab showing exactly `url`, read through the extension's tabs API. */
  tabIdOf(url: string): Promise<number | undefined>;
  /** Closes the browser and removes its temporary profile. Never throws. */
  close(): Promise<void>;
}
