// A browser kept from one describe block for the next in the same test process (lane.ts runs many files in one):
// starting Chromium and setting Moonlit up costs about 3.5 CPU-seconds, Firefox about 5, and the suites start some
// 60 browsers. moonlit.ts keeps only browsers started with no options, and hands one on as a fresh one would be:
// no page but the ones it started with, Moonlit's storage and permissions as they were right after set-up, the
// simulator reset and nothing recorded. The background keeps running: what it holds in memory is either keyed by tab
// (and tab ids are never reused) or a cache dropped when storage changes, as the restore here does. Stopping it
// here would leave it stopped with nothing to wake it, and b.tabIdOf (launch-chrome.ts), which asks the worker,
// would wait on it for ever.
// The key stays where set-up saved it; no suite that uses a kept browser changes it.
import { bounded } from './ui-driver';
import type { BrowserKind, Moonlit } from './moonlit';

interface State {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  origins: string[];
  permissions: string[];
}

/** What a kept browser goes back to. */
export interface Snapshot {
  state: State;
  /** The pages open right after set-up (the options page, and Chromium's first blank tab). */
  pages: Set<unknown>;
}

type Api = {
  storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> }>;
  permissions: {
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    remove(p: { origins: string[]; permissions: string[] }): Promise<boolean>;
  };
};

const pagesOf = async (m: Moonlit): Promise<{ close(): Promise<void> }[]> => (m.kind === 'chromium' ? m.b.context.pages() : await m.b.browser.pages());

export async function snapshotOf(m: Moonlit): Promise<Snapshot> {
  const state = await m.helper.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const granted = await api.permissions.getAll();
    return {
      local: await api.storage.local.get(null),
      session: await api.storage.session.get(null),
      origins: granted.origins ?? [],
      permissions: granted.permissions ?? [],
    };
  }, null);
  return { state, pages: new Set(await pagesOf(m)) };
}

/** Whether the browser still answers (a suite may have closed or crashed it). */
const answers = (m: Moonlit): Promise<boolean> =>
  bounded(
    'a kept browser answering',
    m.helper.evaluate(() => true, null),
    10_000,
  ).catch(() => false);

/** Puts a used browser back as `snap` recorded it. Throws when it cannot (the browser is then closed). */
async function restore(m: Moonlit, snap: Snapshot): Promise<void> {
  for (const page of await pagesOf(m)) if (!snap.pages.has(page)) await page.close();
  await m.helper.evaluate(async (s: State) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    for (const area of ['local', 'session'] as const) {
      await api.storage[area].clear();
      await api.storage[area].set(s[area]);
    }
    const granted = await api.permissions.getAll();
    const origins = (granted.origins ?? []).filter((o) => !s.origins.includes(o));
    const permissions = (granted.permissions ?? []).filter((p) => !s.permissions.includes(p));
    if (origins.length || permissions.length) await api.permissions.remove({ origins, permissions });
  }, snap.state);
  // The session's handle on Chromium's worker (b.worker, used by b.tabIdOf) must answer for the next block: the
  // storage change above wakes a worker that a block stopped, and one that stays silent is not handed on.
  if (m.kind === 'chromium')
    await bounded(
      'the worker answering',
      m.b.worker.evaluate(() => true),
      10_000,
    );
  m.sim.reset();
  m.site.requests.length = 0;
  m.dialogs.length = 0;
  m.outside.length = 0;
}

let keeping = false;
const kept = new Map<BrowserKind, { m: Moonlit; snap: Snapshot }>();

/** From now on, blocks in this process hand their option-less browsers on (lane.ts). */
export function keepBrowsers(): void {
  keeping = true;
}

/** Whether this process keeps browsers for the next block (only lane.ts asks it to). */
export const keepsBrowsers = (): boolean => keeping;

/** A kept browser of this kind that still answers, taken out of the keep; undefined when there is none. */
export async function takeKept(kind: BrowserKind): Promise<{ m: Moonlit; snap: Snapshot } | undefined> {
  const k = kept.get(kind);
  kept.delete(kind);
  if (k && (await answers(k.m))) return k;
  await k?.m.close().catch(() => undefined);
  return undefined;
}

/** Puts `m` back and keeps it for the next block; false (and why, in the output) when it is not kept. */
export async function handBack(kind: BrowserKind, m: Moonlit, snap: Snapshot): Promise<boolean> {
  if (kept.has(kind)) return false;
  try {
    await bounded('putting the browser back as set-up left it', restore(m, snap));
  } catch (err) {
    console.log(`# not kept for the next block: ${String(err)}`);
    return false;
  }
  kept.set(kind, { m, snap });
  return true;
}

/** Closes the browsers kept for a next block that did not come. */
export async function closeKeptBrowsers(): Promise<void> {
  for (const { m } of kept.values()) await m.close().catch(() => undefined);
  kept.clear();
}
