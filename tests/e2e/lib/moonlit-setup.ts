// Setting Moonlit up for the security, fault and load tests: a key only these tests use (so finding it anywhere
// is meaningful), saved through the real options page against the simulator, and panels bound to article tabs.
import { randomBytes } from 'node:crypto';
import type { ExtensionBrowser } from './extension-browser';
import { msg } from './messages';
import { chooseModelAndSave, modelOptions, openOptions, testConnection } from './options-flow';
import { waitForPanelPage } from './panel-flow';
import type { UiPage } from './ui-driver';
import { DEFAULT_MODELS, type Simulator } from '../../simulator/server';

/** A fresh key per run; the random part is what the leak checks look for. */
export const SECRET_KEY = `sk-e2e${randomBytes(20).toString('hex')}`;

/** Every 8-character window of the key's random part: none may appear anywhere but where the key belongs. */
export function keyFragments(key = SECRET_KEY): string[] {
  const secret = key.slice(6);
  return Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
}

/** Where in `text` the key, or any 8-character piece of it, appears; empty when nowhere. */
export function keyLeaks(text: string, key = SECRET_KEY): string[] {
  const found = text.includes(key) ? ['the whole key'] : [];
  for (const f of keyFragments(key)) if (text.includes(f)) found.push(`"${f}"`);
  return found;
}

type Opener = Pick<ExtensionBrowser, 'open' | 'origin'>;

/** Key, custom endpoint = the simulator, Test connection, a plain (non-thinking) model, Save. */
export async function configure(b: Opener, sim: Simulator, key = SECRET_KEY): Promise<string> {
  const options = await openOptions(b as ExtensionBrowser);
  try {
    return await configureOn(options, sim, key);
  } finally {
    await options.close();
  }
}

/** The same on an options page already open and loaded (it stays open). */
export async function configureOn(options: UiPage, sim: Simulator, key = SECRET_KEY): Promise<string> {
  await options.fill(msg('optionsApiKey'), key);
  await testConnection(options, sim.baseUrl, DEFAULT_MODELS.length);
  const offered = await modelOptions(options);
  const model = offered.includes('moonshot-v1-128k') ? 'moonshot-v1-128k' : offered[0];
  await chooseModelAndSave(options, model);
  return model;
}

/** Opens `url` in a tab and a panel bound to it; returns the panel once it shows `title`. */
export async function panelFor(
  b: Opener,
  url: string,
  title: string,
  tabIdOf: (url: string) => Promise<number | undefined>,
): Promise<{ panel: UiPage; tab: UiPage; tabId: number }> {
  const tab = await b.open(url);
  const tabId = await tabIdOf(url);
  if (typeof tabId !== 'number') throw new Error(`no tab id for ${url}`);
  const panel = await b.open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
  await waitForPanelPage(panel, title);
  return { panel, tab, tabId };
}
