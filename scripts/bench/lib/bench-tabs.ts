// Other tabs for the benches of several tabs in one question: opened in the bound tab's window (where the panel's
// picker lists them), added with "Add tabs" as a person adds them, and removed again with their chips' buttons.
import type { Page } from 'playwright-core';
import { msg } from '../../../tests/e2e/lib/messages';
import type { BenchBrowser } from './moonlit-chrome';

/** Opens each address as a background tab in the window of tab `near`, and waits until all have loaded. */
export async function openTabsBeside(b: BenchBrowser, near: number, urls: string[]): Promise<number[]> {
  // A string, not a function: tsx's helpers do not exist in the worker.
  return (await b.session.worker.evaluate(`(async () => {
    const { windowId } = await chrome.tabs.get(${near});
    const urls = ${JSON.stringify(urls)};
    const ids = [];
    for (const url of urls) ids.push((await chrome.tabs.create({ windowId, url, active: false })).id);
    const loaded = async () => (await Promise.all(ids.map((id) => chrome.tabs.get(id)))).every((t, i) => t.status === 'complete' && t.url === urls[i]);
    // Listening before the first look, so no update between the two is missed.
    await new Promise((resolve) => {
      const check = () => void loaded().then((yes) => yes && (chrome.tabs.onUpdated.removeListener(check), resolve()));
      chrome.tabs.onUpdated.addListener(check);
      check();
    });
    return ids;
  })()`)) as number[];
}

const chip = (panel: Page, title: string) => panel.getByRole('button', { name: msg('tabsRemove', title), exact: true });

/** "Add tabs", the tabs named by `titles` checked, "Add": resolves once each has its chip (its page read). */
export async function addTabs(panel: Page, titles: string[]): Promise<void> {
  await panel.getByRole('button', { name: msg('tabsAdd'), exact: true }).click({ timeout: 30_000 });
  for (const title of titles) await panel.getByRole('checkbox', { name: title, exact: true }).check({ timeout: 30_000 });
  await panel.getByRole('button', { name: msg('tabsAddPicked'), exact: true }).click({ timeout: 30_000 });
  for (const title of titles) await chip(panel, title).waitFor({ timeout: 60_000 });
}

/** Removes the added tabs' chips, and waits until they are gone. */
export async function removeTabs(panel: Page, titles: string[]): Promise<void> {
  for (const title of titles) await chip(panel, title).click({ timeout: 30_000 });
  for (const title of titles) await chip(panel, title).waitFor({ state: 'detached', timeout: 30_000 });
}

/** The system messages of a chat request's body that carry another tab, by its title (each should carry one). */
export function tabMessages(body: string, title: string): string[] {
  const messages = (JSON.parse(body) as { messages: { role: string; content: unknown }[] }).messages;
  return messages
    .filter((m) => m.role === 'system' && typeof m.content === 'string' && m.content.includes(`Title: ${title}\n`))
    .map((m) => m.content as string);
}
