/**
 * What runs in the page when a citation is clicked. entrypoints/cite-highlighter.ts
 * installs `citeInPage` on the content script's own global (the isolated world,
 * which the page cannot see), then the worker calls it with the passage through
 * executeScript's `func` + `args` — the two calls work the same in Chrome MV3
 * and Firefox MV2.
 */
import { flashRange } from './highlight';
import { locatePassage, type MatchKind } from './locate';

export interface InjectedCite {
  found: boolean;
  how?: 'highlight' | 'overlay';
  match?: MatchKind;
  /** The document it looked in: the tab may have navigated since the worker checked. */
  url: string;
}

export function citeInPage(doc: Document, win: Window, quote: string, at: number): InjectedCite {
  const located = locatePassage(doc, { quote, at });
  if (!located) return { found: false, url: doc.URL };
  return { found: true, how: flashRange(located.range, doc, win), match: located.match, url: doc.URL };
}

/**
 * The `func` the worker injects. executeScript sends its source text, not a
 * closure, so it may use nothing from outside its own body (the global's name
 * is written out on purpose).
 */
export function callInstalledCite(quote: string, at: number): InjectedCite | null {
  const run = (globalThis as Record<string, unknown>).__moonlitCite;
  return typeof run === 'function' ? (run as (q: string, a: number) => InjectedCite)(quote, at) : null;
}
