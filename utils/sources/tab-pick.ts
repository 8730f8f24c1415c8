import { unreadableReason, type UnreadableReason } from './readable-url';

/**
 * The "Add tabs" picker's logic, pure: which of the window's tabs can be added (and why not), the `@` filter,
 * and which host permissions the "Add" click must ask for. The component calls the browser.
 */

/** What the picker needs of a `tabs.Tab` (title and URL are absent for a tab Moonlit may not see). */
export interface TabInfo {
  id?: number;
  title?: string;
  url?: string;
  favIconUrl?: string;
}

export type PickBlock = UnreadableReason | 'hidden' | 'added';

export interface PickEntry {
  tabId: number;
  title: string;
  url: string;
  host: string;
  /** A favicon that loads no script and leaks nothing the tab has not loaded already: http(s) or data:image. */
  icon?: string;
  /** Why it can't be picked, or undefined. */
  blocked?: PickBlock;
}

const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : '');
const safeIcon = (icon: string | undefined): string | undefined =>
  icon && (/^https?:\/\//i.test(icon) || icon.startsWith('data:image/')) && icon.length <= 4096 ? icon : undefined;

/** The window's tabs as the picker lists them, in tab order; Moonlit's own pages are left out, added ones are marked. */
export function pickEntries(tabs: readonly TabInfo[], ownOrigin: string, added: ReadonlySet<number>): PickEntry[] {
  const out: PickEntry[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id < 0 || tab.url?.startsWith(ownOrigin)) continue;
    const url = tab.url ?? '';
    const reason = url ? unreadableReason(url, ownOrigin) : 'hidden';
    const blocked: PickBlock | undefined = reason ?? (added.has(tab.id) ? 'added' : undefined);
    out.push({
      tabId: tab.id,
      title: tab.title?.trim() || url || `#${tab.id}`,
      url,
      host: hostOf(url),
      icon: safeIcon(tab.favIconUrl),
      ...(blocked ? { blocked } : {}),
    });
  }
  return out;
}

/** Entries whose title or host contains `query` (any case), those starting with it first. */
export function filterEntries(entries: readonly PickEntry[], query: string): PickEntry[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...entries];
  const text = (e: PickEntry) => `${e.title}\n${e.host}`.toLocaleLowerCase();
  const hits = entries.filter((e) => text(e).includes(q));
  const starts = (e: PickEntry) => e.title.toLocaleLowerCase().startsWith(q) || e.host.toLocaleLowerCase().startsWith(q);
  return [...hits.filter(starts), ...hits.filter((e) => !starts(e))];
}

/** `@` and what follows it, at the end of the text being typed (after a space or at the start): the picker's filter. */
export function mentionQuery(text: string): { query: string; before: string } | null {
  const at = text.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/\s/.test(text[at - 1]))) return null;
  const query = text.slice(at + 1);
  if (query.includes('\n') || query.length > 80) return null;
  return { query, before: text.slice(0, at) };
}

/** The origin pattern a host permission for `url` names (`https://host/*`), or null for what needs none we can ask. */
export function originPattern(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : null;
}

/** Whether a granted pattern (`https://*.x/*`, `<all_urls>`, `http://127.0.0.1/*`) covers `url`'s origin. */
export function covers(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  if (scheme === '*' && u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host.split(':')[0];
}

/**
 * The "Add" click's plan: the tabs that can be read at once (their origin is granted, or it is the bound tab,
 * which activeTab covers) and the origins to ask for, each once, for the others.
 */
export function permissionPlan(picked: readonly PickEntry[], granted: readonly string[], boundTabId?: number): { ready: PickEntry[]; ask: string[] } {
  const ready: PickEntry[] = [];
  const ask = new Set<string>();
  for (const e of picked) {
    const origin = originPattern(e.url);
    if (e.tabId === boundTabId || granted.some((g) => covers(g, e.url))) ready.push(e);
    else if (origin) ask.add(origin);
  }
  return { ready, ask: [...ask] };
}

/** After the browser answered: the picked tabs that may now be read, and those refused (not added, and said so). */
export function afterRequest(
  picked: readonly PickEntry[],
  plan: { ready: PickEntry[]; ask: string[] },
  allowed: boolean,
): { add: PickEntry[]; refused: PickEntry[] } {
  const refused = allowed ? [] : picked.filter((e) => !plan.ready.includes(e));
  return { add: allowed ? [...picked] : plan.ready, refused };
}
