// A Chromium session with Moonlit loaded and watched: the alert/confirm/prompt trap and reply spy in every page
// (lib/hostile.ts), every dialog recorded and dismissed, and every request that would leave loopback and the
// extension recorded and aborted.
import type { Page } from 'playwright-core';
import { TRAP_SCRIPT } from './hostile';
import { launchChrome, type ChromeSession } from './launch-chrome';

export interface WatchedChrome {
  b: ChromeSession;
  /** "type: message on url" of every dialog any page opened. */
  dialogs: string[];
  /** URLs of requests that tried to leave loopback and the extension. */
  outside: string[];
}

/** Watches every page of `b`, from now on: dialogs go to `dialogs`, requests leaving loopback to `outside`. */
export async function watchChrome(b: ChromeSession, dialogs: string[], outside: string[]): Promise<void> {
  const watchDialogs = (p: Page) =>
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${p.url()}`);
      void d.dismiss().catch(() => undefined);
    });
  await b.context.addInitScript(TRAP_SCRIPT);
  b.context.on('page', watchDialogs);
  b.context.pages().forEach(watchDialogs);
  await b.context.route(
    (url) => !['chrome-extension:', 'data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => {
      outside.push(route.request().url());
      void route.abort();
    },
  );
}

export async function launchWatchedChrome(): Promise<WatchedChrome> {
  const b = await launchChrome({ extension: process.env.MOONLIT_E2E_CHROME_BUILD });
  const dialogs: string[] = [];
  const outside: string[] = [];
  try {
    await watchChrome(b, dialogs, outside);
  } catch (err) {
    await b.close();
    throw err;
  }
  return { b, dialogs, outside };
}
