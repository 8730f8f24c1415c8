// Regenerate, Edit question, Copy answer and the usage/cost line, in the real panel against the simulator:
// what is sent (the simulator's log), what is kept (the panel's answers), what the clipboard holds.
// Chromium reads the real clipboard (clipboard-read granted to the extension's origin). Firefox offers no
// clipboard read to a driven page, so there navigator.clipboard.writeText is wrapped in the panel to record what
// the panel writes (the real write still happens).
// Run: npx tsx --test --test-reporter=spec tests/e2e/turn-actions.e2e.ts (after npm run build:e2e).
import { before, describe, it } from 'node:test';
import { openRaw } from './lib/chrome-pages';
import { ARTICLE_TITLE } from './lib/fixture-server';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { checkRegenerateAndEdit, checkUsageAndCopy, type TurnActionsEnv } from './lib/turn-actions-flow';
import type { UiPage } from './lib/ui-driver';

/** Changes saved settings from an extension page, as the options page would. */
function settingsSetter(page: UiPage) {
  return async (patch: object) => {
    await page.evaluate(async (p: object) => {
      type Api = { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...settings, ...p } });
    }, patch);
  };
}

describe('Turn actions in Chromium', () => {
  const m = useMoonlit('chromium');
  let env: TurnActionsEnv;

  before(async () => {
    const { sim, site, b } = m();
    const url = site.url('article.html');
    await openRaw(b.context, url);
    const tabId = await m().tabIdOf(url);
    // Chromium grants no permission to an extension's origin: the clipboard is read from a page of the
    // fixture server (the browser has one clipboard), with clipboard-read granted there.
    const reader = await openRaw(b.context, site.url('article.html?clipboard'));
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url('')).origin });
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, ARTICLE_TITLE);
    // Writing to the clipboard needs the focused page.
    await panel.page.bringToFront();
    const readClipboard = async () => {
      await reader.page.bringToFront();
      try {
        return await reader.page.evaluate(() => navigator.clipboard.readText());
      } finally {
        await panel.page.bringToFront();
      }
    };
    env = {
      sim,
      panel: panel.ui,
      readClipboard,
      setSettings: settingsSetter(panel.ui),
    };
  });

  it(
    'the usage line shows the simulator’s tokens after the answer, and the cost where the price is known; Copy answer leaves the text without citation markers on the clipboard',
    { timeout: 60_000 },
    () => checkUsageAndCopy(env),
  );

  it(
    'Regenerate re-sends the same question and history without the old answer, and replaces it; Edit question sends the edited text and replaces that turn and the ones after it',
    { timeout: 60_000 },
    () => checkRegenerateAndEdit(env),
  );
});

describe('Turn actions in Firefox ESR', () => {
  const m = useMoonlit('firefox');
  let env: TurnActionsEnv;

  before(async () => {
    const { sim, site } = m();
    const { panel: opened } = await m().panelFor(site.url('article.html'), ARTICLE_TITLE);
    const panel = opened.ui;
    await panel.evaluate(() => {
      const clip = navigator.clipboard;
      const write = clip.writeText.bind(clip);
      const w = window as unknown as { __copied: string[] };
      w.__copied = [];
      clip.writeText = (text: string) => (w.__copied.push(text), write(text));
    }, null);
    env = {
      sim,
      panel,
      readClipboard: () => panel.evaluate(() => (window as unknown as { __copied: string[] }).__copied.join('\u0000'), null),
      setSettings: settingsSetter(panel),
    };
  });

  it(
    'the usage line shows the simulator’s tokens after the answer, and the cost where the price is known; Copy answer writes the text without citation markers (writeText recorded)',
    { timeout: 90_000 },
    () => checkUsageAndCopy(env),
  );

  it(
    'Regenerate re-sends the same question and history without the old answer, and replaces it; Edit question sends the edited text and replaces that turn and the ones after it',
    { timeout: 90_000 },
    () => checkRegenerateAndEdit(env),
  );
});
