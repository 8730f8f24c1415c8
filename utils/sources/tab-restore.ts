/** A source a conversation kept (history: title and address). */
export interface KeptSource {
  title: string;
  url: string;
}

/** An address without its hash, which only scrolls. */
const pageOf = (url: string): string => url.split('#')[0];

/**
 * A reopened conversation's other tabs matched against the tabs open now, by address: the open ones to read again,
 * and those open nowhere (closed since), to be named to the user, never dropped silently. The bound tab's page and
 * the panel's own pages are not other tabs.
 */
export function restorePlan(
  kept: readonly KeptSource[],
  open: readonly { id?: number; url?: string }[],
  boundUrl: string | undefined,
): { found: { tabId: number; title: string }[]; missing: KeptSource[] } {
  const found: { tabId: number; title: string }[] = [];
  const missing: KeptSource[] = [];
  const taken = new Set<number>();
  for (const source of kept) {
    if (boundUrl && pageOf(source.url) === pageOf(boundUrl)) continue;
    const tab = open.find((t) => t.id !== undefined && !taken.has(t.id) && t.url && pageOf(t.url) === pageOf(source.url));
    if (tab?.id === undefined) {
      missing.push(source);
      continue;
    }
    taken.add(tab.id);
    found.push({ tabId: tab.id, title: source.title });
  }
  return { found, missing };
}
