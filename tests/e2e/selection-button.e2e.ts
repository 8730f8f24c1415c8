// The opt-in selection button. Firefox ESR: off by default, on through the real Options click (the permission
// granted there), the button beside a selection in a closed shadow root, Alt+K and Enter to Explain, the panel
// asking about the selection (in a tab beside the page: Firefox opens no sidebar for a page script's message);
// off again (script unregistered, permission given back). Chromium: off by default only — its permission prompt for the Options click cannot be answered by a driven browser (no pref like
// Firefox's), so the "on" path is not driven there yet.
// Run: npx tsx --test --test-reporter=spec tests/e2e/selection-button.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useMoonlit, type ChromeMoonlit, type FirefoxMoonlit } from './lib/moonlit';
import { msg } from './lib/messages';
import { waitFor } from './lib/ui-driver';
import { chatRequests, messagesText } from './lib/log-checks';
import { asked } from './lib/menu-flow';

const SELECTED = 'Our hive sits on the flat roof of a four-storey block';

/** What the browser has registered for the button, and whether the broad permission is held (asked from an extension page). */
const state = (m: ChromeMoonlit | FirefoxMoonlit) =>
  m.helper.evaluate(async () => {
    type Api = { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> }; permissions: { contains(p: object): Promise<boolean> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const scripts = await api.scripting.getRegisteredContentScripts();
    return { ids: scripts.map((x) => x.id), allowed: await api.permissions.contains({ origins: ['https://*/*', 'http://*/*'] }) };
  }, null);

/** Selects the article's first paragraph as a user does: a triple click. */
async function selectWords(page: Page): Promise<void> {
  const p = page.locator('article p').nth(1);
  await p.scrollIntoViewIfNeeded();
  await p.click({ clickCount: 3 });
}

const hasButton = (page: Page) => page.evaluate(() => !!document.querySelector('moonlit-selection'));

describe('Selection button in chromium', () => {
  const m = useMoonlit('chromium');

  it('is off by default: nothing registered, no permission, no button beside a selection', { timeout: 60_000 }, async () => {
    assert.deepEqual(await state(m()), { ids: [], allowed: false });
    const page = await m().b.context.newPage();
    await page.goto(m().site.url('article.html?off'));
    await selectWords(page);
    assert.ok((await page.evaluate(() => getSelection()?.toString() ?? '')).includes(SELECTED));
    assert.equal(await hasButton(page), false);
    await page.close();
  });
});

describe('Selection button in firefox', () => {
  // Firefox grants an optional permission without its prompt under this pref (a driven browser can't answer the
  // prompt); the request still has to come from the user's click in Options.
  const m = useMoonlit('firefox', { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });

  const clickOption = async () => {
    const { page } = await m().b.openPage(`${m().b.origin}/options.html`);
    const box = await waitFor('the option', () => page.$(`::-p-aria([name=${JSON.stringify(msg('selectionButtonOption'))}][role="checkbox"])`));
    await box.click();
    return page;
  };
  const articleWithSelection = async (url: string) => {
    const { page } = await m().b.openPage(url);
    const p = await waitFor('the paragraph', () => page.$('article p:nth-of-type(2)'));
    await p.click({ count: 3 });
    return page;
  };

  it('off by default; on: the Options click grants the permission and registers the script, the button sits beside the selection, Alt+K and Enter pick Explain, and the panel asks about the selection; off: both go again', {
    timeout: 120_000,
  }, async () => {
    assert.deepEqual(await state(m()), { ids: [], allowed: false });
    const options = await clickOption();
    await waitFor('the script registered with its permission', async () => {
      const s = await state(m());
      return s.allowed && s.ids.includes('moonlit-selection-button') ? s : null;
    });
    const url = m().site.url('article.html?on');
    const page = await articleWithSelection(url);
    await waitFor('the button beside the selection', () => page.evaluate(() => !!document.querySelector('moonlit-selection')));
    assert.equal(await page.evaluate(() => document.querySelector('moonlit-selection')!.shadowRoot), null, 'a closed shadow root');
    const before = chatRequests(m().sim.log).length;
    await page.keyboard.down('Alt');
    await page.keyboard.press('k');
    await page.keyboard.up('Alt');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MOONLIT-SELECTION', 'Alt+K moves the focus to the button');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitFor('the button to go once an action is picked', async () => !(await page.evaluate(() => !!document.querySelector('moonlit-selection'))));
    // Firefox opens the sidebar only in a user-input handler, which a page script's message is not: the worker
    // opens the panel bound to this tab in a tab beside it, and that panel runs the pick.
    const tabId = await m().tabIdOf(url);
    const panelUrl = `${m().b.origin}/sidepanel.html?tabId=${tabId}`;
    // Over BiDi an extension page's url() reads about:blank: ask each page where it is.
    const panel = await waitFor('the panel opened for the pick', async () => {
      for (const p of await m().b.browser.pages()) if ((await p.evaluate(() => location.href).catch(() => '')) === panelUrl) return p;
      return undefined;
    });
    const question = asked('actionExplainSelection');
    await waitFor(
      'the explain question in that panel',
      () => panel.evaluate((q) => [...document.querySelectorAll('.question')].some((x) => x.textContent === q), question).catch(() => false) || null,
    );
    const req = await waitFor('the chat request', () => chatRequests(m().sim.log).slice(before).at(-1));
    assert.ok(messagesText(req).includes(SELECTED), 'the selection went with the question');
    await panel.close();
    await page.close();

    // Off: unregistered and the permission given back; a new selection gets no button.
    const box = await options.$(`::-p-aria([name=${JSON.stringify(msg('selectionButtonOption'))}][role="checkbox"])`);
    await box!.click();
    await waitFor('the script gone with its permission', async () => {
      const s = await state(m());
      return !s.allowed && s.ids.length === 0 ? s : null;
    });
    const after = await articleWithSelection(m().site.url('article.html?off'));
    await waitFor('a selection in the page', async () => (await after.evaluate(() => getSelection()?.toString().trim() ?? '')) || null);
    assert.equal(await after.evaluate(() => !!document.querySelector('moonlit-selection')), false);
    await after.close();
    await options.close();
  });
});
