// activeTab comes only with the user's gesture: a real key press of Moonlit's summarize shortcut, typed by xdotool
// into a headed Chromium's window under Xvfb, grants it for the active tab (and starts that shortcut's summary).
import assert from 'node:assert/strict';
import { after, before, type TestContext } from 'node:test';
import { useMoonlit, type ChromeMoonlit } from './moonlit';
import { currentWorker } from './chrome-pages';
import { missingXTools, startXvfb, xdotool, xdotoolKeys, type Display } from './xvfb';
import { waitFor, type UiPage } from './ui-driver';

/** A headed Chromium on its own Xvfb display (call inside a describe). `ready(t)`: false (skipped) without the X tools. */
export function useHeadedMoonlit() {
  let display: Display | undefined;
  const missing = missingXTools();
  before(async () => {
    if (missing.length) return;
    display = await startXvfb();
    process.env.DISPLAY = display.name; // the browser starts with this process's environment
  });
  after(() => display?.stop());
  const m = useMoonlit('chromium', { headless: false, nativeViewport: true });
  const ready = (t: TestContext): boolean => {
    if (!missing.length) return true;
    const reason = `${missing.join(' and ')} not installed (apt-get install xvfb xdotool)`;
    if (process.env.CI === 'true') assert.fail(`the test cannot run: ${reason}`);
    t.skip(reason);
    return false;
  };
  return { m, ready, display: () => display! };
}

/** Makes `tabId` the active tab of its window, then presses the summarize shortcut in the window titled `title`. */
export async function grantActiveTab(m: ChromeMoonlit, display: Display, tabId: number, title: string): Promise<void> {
  await m.helper.evaluate(async (id: number) => {
    const api = (globalThis as unknown as { chrome: { tabs: { update(id: number, p: object): Promise<unknown> } } }).chrome;
    await api.tabs.update(id, { active: true });
  }, tabId);
  const worker = await currentWorker(m.b.context);
  type Commands = { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } };
  const commands = await worker.evaluate(async () => await (globalThis as unknown as Commands).chrome.commands.getAll());
  const shortcut = commands.find((c) => c.name === 'summarize-page')?.shortcut ?? '';
  assert.ok(shortcut, `the summarize shortcut should be bound: ${JSON.stringify(commands)}`);
  const windows = (await xdotool(display.name, ['search', '--sync', '--onlyvisible', '--name', title])).trim().split('\n');
  await xdotool(display.name, ['windowfocus', '--sync', windows[0]]);
  await xdotool(display.name, ['key', '--clearmodifiers', xdotoolKeys(shortcut)]);
}

/** The address of the fixture page's picture (image.html, served from the other loopback origin), once it has loaded. */
export async function loadedPicture(page: UiPage): Promise<string> {
  await waitFor('the picture loaded', () => page.evaluate(() => (document.getElementById('picture') as HTMLImageElement).naturalWidth > 0 || null, null));
  return page.evaluate(() => (document.getElementById('picture') as HTMLImageElement).currentSrc, null);
}
