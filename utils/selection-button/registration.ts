// The selection button's page script is registered only while the user has it on and the broad host permission
// is granted; otherwise it is unregistered. Run from the options page (within the click) and the worker (start-up,
// permission removed in the browser's own settings).
import { browser } from 'wxt/browser';
import { OPTIONAL_HOSTS } from '../manifest';
import { selectionButtonItem } from '../storage/items';

export const SELECTION_SCRIPT_ID = 'moonlit-selection-button';
export const SELECTION_SCRIPT_FILE = '/selection-button.js';
/** The broad permission the button needs: every http(s) page (the manifest's optional hosts). */
export const SELECTION_HOSTS = OPTIONAL_HOSTS;

/** A host the user typed ("news.example", "https://news.example/x") as a match pattern, or null when it isn't one. */
export function neverHerePattern(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  return /^[a-z0-9.-]{1,253}$/.test(host) && !host.startsWith('.') ? `*://${host}/*` : null;
}

async function registered(): Promise<boolean> {
  const list = await browser.scripting.getRegisteredContentScripts({ ids: [SELECTION_SCRIPT_ID] });
  return list.length > 0;
}

/** Registers, updates or unregisters the page script to match the setting and the permission. */
export async function syncSelectionButton(): Promise<'on' | 'off'> {
  const [setting, allowed] = await Promise.all([selectionButtonItem.getValue(), browser.permissions.contains({ origins: SELECTION_HOSTS })]);
  const on = setting.enabled && allowed;
  const was = await registered();
  if (!on) {
    if (was) await browser.scripting.unregisterContentScripts({ ids: [SELECTION_SCRIPT_ID] });
    return 'off';
  }
  const excludeMatches = setting.neverHere.map(neverHerePattern).filter((p): p is string => !!p);
  const script = {
    id: SELECTION_SCRIPT_ID,
    js: [SELECTION_SCRIPT_FILE],
    matches: SELECTION_HOSTS,
    excludeMatches,
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (was) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return 'on';
}
