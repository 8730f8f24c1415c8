// Firefox's side of "the worker stopped": Moonlit's Firefox background is an event page, which Firefox unloads when
// it idles and starts again on the next event. The test unloads it the way about:debugging's "Terminate background
// script" button does (Extension.terminateBackground), called from the about:debugging page itself: a privileged
// page that BiDi may script because the browser runs with --remote-allow-system-access (launch-firefox.ts).
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from './launch-firefox';
import { waitFor } from './ui-driver';

async function privilegedPage(b: FirefoxSession): Promise<Page> {
  const page = await b.browser.newPage();
  // The navigation switches to the parent process, so the goto itself may never settle: poll the document instead.
  void page.goto('about:debugging#/runtime/this-firefox', { timeout: 0 }).catch(() => undefined);
  await waitFor(
    'about:debugging to load',
    () =>
      page.evaluate(() => location.href.startsWith('about:debugging') && document.readyState === 'complete' && 'ChromeUtils' in globalThis).catch(() => false),
    20_000,
  );
  return page;
}

/** The event page's state as Firefox keeps it ("running", "stopped", …). */
async function backgroundState(page: Page, id: string): Promise<string> {
  return page.evaluate((addonId: string) => {
    const g = globalThis as unknown as { ChromeUtils: { importESModule(url: string): Record<string, unknown> } };
    const { ExtensionParent } = g.ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs') as {
      ExtensionParent: { GlobalManager: { getExtension(id: string): { backgroundState?: string } | undefined } };
    };
    return String(ExtensionParent.GlobalManager.getExtension(addonId)?.backgroundState ?? 'no extension');
  }, id);
}

/** Asks Firefox to unload the event page; returns its state right after. */
const terminate = (page: Page, id: string): Promise<string> =>
  page.evaluate(async (addonId: string) => {
    const g = globalThis as unknown as { ChromeUtils: { importESModule(url: string): Record<string, unknown> } };
    const { ExtensionParent } = g.ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs') as {
      ExtensionParent: {
        GlobalManager: { getExtension(id: string): { backgroundState?: string; terminateBackground?(o: object): Promise<void> } | undefined };
      };
    };
    const ext = ExtensionParent.GlobalManager.getExtension(addonId);
    if (!ext?.terminateBackground) return 'no terminateBackground';
    // As the button does: even with DevTools (here: the remote agent) attached.
    await ext.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
    return String(ext.backgroundState);
  }, id);

/**
 * Unloads Moonlit's background page now, mid-whatever, and waits until Firefox says it is stopped. Firefox ignores
 * the call while the page is still starting or already suspending, so it is made again whenever the page is seen
 * running, until it is seen stopped.
 */
export async function terminateFirefoxBackground(b: FirefoxSession): Promise<void> {
  const page = await privilegedPage(b);
  const seen: string[] = [];
  try {
    await waitFor(
      'the background page to stop',
      async () => {
        const state = await backgroundState(page, b.extensionId);
        if (seen.at(-1) !== state) seen.push(state);
        if (state === 'running') {
          const after = await terminate(page, b.extensionId);
          if (after === 'no terminateBackground') throw new Error('this Firefox has no Extension.terminateBackground');
        }
        return state === 'stopped';
      },
      30_000,
    ).catch((err: unknown) => Promise.reject(new Error(`${String(err)} States seen: ${seen.join(' → ')}`)));
  } finally {
    await page.close().catch(() => undefined);
  }
}
