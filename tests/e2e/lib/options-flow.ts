// Setting Moonlit up on its options page by the labels, as a user would.
import assert from 'node:assert/strict';
import type { ExtensionBrowser } from './extension-browser';
import { msg } from './messages';
import { waitInPage, type UiPage } from './ui-driver';

const statusText = (page: UiPage) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="status"]')].map((s) => s.innerText.trim()).join(' | '), null);

/** Waits until a role="status" element says `text` (exactly, after trimming). */
export async function waitForStatus(page: UiPage, text: string): Promise<void> {
  await waitInPage(
    page,
    `a status saying "${text}"`,
    (want: string) => [...document.querySelectorAll<HTMLElement>('[role="status"]')].some((s) => s.innerText.trim() === want),
    text,
    { timeoutMs: 30_000, describe: () => statusText(page) },
  );
}

export async function openOptions(b: ExtensionBrowser): Promise<UiPage> {
  const page = await b.open(`${b.origin}/options.html`);
  await waitForOptionsForm(page);
  return page;
}

/** The form loads the saved settings first; typing before that would be overwritten. */
export async function waitForOptionsForm(page: UiPage): Promise<void> {
  await waitInPage(page, 'the options form to finish loading', () => document.querySelector('form[aria-busy="false"]') !== null, null);
}

/** The key field is a password field, and "Show key" / "Hide key" toggle it. */
export async function checkKeyToggle(page: UiPage, key: string): Promise<void> {
  // The type of the input that holds the key: 'password' when masked, 'text' when shown.
  const keyType = () => page.evaluate((k: string) => [...document.querySelectorAll('input')].find((i) => i.value === k)?.type ?? 'missing', key);
  await page.fill('API key', key);
  assert.equal(await keyType(), 'password', 'the API key field should be a password field');
  await page.click('Show key');
  assert.equal(await page.count('button', 'Hide key'), 1, '"Show key" should turn into "Hide key"');
  assert.equal(await keyType(), 'text', 'after "Show key" the key should be readable');
  await page.click('Hide key');
  assert.equal(await page.count('button', 'Show key'), 1, '"Hide key" should turn back into "Show key"');
  assert.equal(await keyType(), 'password', 'after "Hide key" the key should be masked again');
}

/** Chooses Custom endpoint, enters `endpoint`, presses "Test connection" and waits for the model count. */
export async function testConnection(page: UiPage, endpoint: string, modelCount: number): Promise<void> {
  assert.equal(await page.count('textbox', 'Endpoint URL'), 0, '"Endpoint URL" should be hidden until Custom endpoint is chosen');
  await page.select('Platform', 'custom');
  await page.fill('Endpoint URL', endpoint);
  await page.click('Test connection');
  await waitForStatus(page, msg('optionsConnected', modelCount));
}

/** The model ids the "Model" list offers. */
export const modelOptions = (page: UiPage): Promise<string[]> =>
  page.evaluate(() => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Model');
    const select = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
    return select instanceof HTMLSelectElement ? [...select.options].map((o) => o.value).filter(Boolean) : [];
  }, null);

/** Picks `model`, presses "Save" and waits for "Saved.". */
export async function chooseModelAndSave(page: UiPage, model: string): Promise<void> {
  await page.select('Model', model);
  await page.click('Save');
  await waitForStatus(page, msg('optionsSaved'));
}

/** What the options page stored, read back through the extension's storage API. */
export const storedSettings = (page: UiPage): Promise<unknown> =>
  page.evaluate(async () => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    // Firefox's promise API is `browser`; Chromium's MV3 `chrome` returns promises too.
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const got = await (g.browser ?? g.chrome)!.storage.local.get('settings');
    return JSON.parse(JSON.stringify(got.settings ?? null)) as unknown;
  }, null);
