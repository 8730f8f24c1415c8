import type { PageContent } from '../sources/types';

/**
 * Whether two readings of a page say the same thing (every field equal; a
 * field holding an object counts as changed unless it is the same object).
 * The panel keeps its earlier reading then, so asking about an unchanged
 * page re-renders nothing.
 */
export function samePage(a: PageContent, b: PageContent): boolean {
  const fields = (p: PageContent) => Object.entries(p).filter(([, v]) => v !== undefined);
  const mine = fields(a);
  const theirs = new Map(fields(b));
  return mine.length === theirs.size && mine.every(([k, v]) => theirs.has(k) && Object.is(theirs.get(k), v));
}
