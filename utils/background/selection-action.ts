import { addPending } from '../storage/pending-actions';
import { sendMessage } from '../messaging/send';
import { openPanelOrTab } from './open-panel';
import type { PendingKind } from '../storage/items';

const KINDS: readonly PendingKind[] = ['explain-selection', 'summarize-selection', 'translate-selection'];
const MAX_SELECTION = 20_000;

/**
 * The selection button's pick, from Moonlit's page script in a tab's top frame: the panel opens on that tab and
 * runs the action, as a menu item would. Checked here: a known kind and a bounded string, nothing else is used.
 */
export function onSelectionAction(tabId: number, windowId: number | undefined, data: unknown): Promise<unknown> | undefined {
  const d = data as { kind?: unknown; selection?: unknown } | null;
  if (!d || !KINDS.includes(d.kind as PendingKind) || typeof d.selection !== 'string' || d.selection.length > MAX_SELECTION) return undefined;
  const kind = d.kind as PendingKind;
  const selection = d.selection.trim() || undefined;
  const now = Date.now();
  const stored = addPending(tabId, kind, selection, now);
  // Opened at once, within the click that sent the message (Chrome carries its gesture; Firefox gets a tab instead).
  const opened = openPanelOrTab(tabId, windowId, stored).catch(() => undefined);
  const action = { tabId, kind, selection, createdAt: now };
  void sendMessage('bg→panel:action', action).catch(() => undefined); // no panel open yet: it takes the stored one
  return Promise.all([opened, stored]).then(() => undefined);
}
