import type { Fragment } from './layout-types';

/** Narrower than this share of the text width, a fragment may belong to a column. */
const NARROW = 0.6;
/** Each side of a gutter must hold at least this share of the narrow fragments' characters. */
const MIN_SIDE_SHARE = 0.15;
/** Full-width text above this share of all characters means a one-column page (with a table, say). */
const MAX_SPANNING_SHARE = 0.4;
const MIN_SIDE_LINES = 4;

export interface Columns {
  /** x positions of the gutters' middles, left to right; empty for a one-column page. */
  gutters: number[];
}

/**
 * Finds the vertical gutters between text columns: x ranges that no narrow
 * fragment crosses, with enough text on both sides that runs alongside.
 */
export function findGutters(frags: readonly Fragment[]): Columns {
  if (frags.length < MIN_SIDE_LINES * 2) return { gutters: [] };
  const left = Math.floor(Math.min(...frags.map((f) => f.x0)));
  const right = Math.ceil(Math.max(...frags.map((f) => f.x1)));
  const width = right - left;
  if (!(width > 0) || width > 20_000) return { gutters: [] };
  const narrow = frags.filter((f) => f.x1 - f.x0 < width * NARROW);
  const cover = new Uint16Array(width + 1);
  for (const f of narrow) {
    for (let x = Math.max(0, Math.floor(f.x0 - left)); x <= Math.min(width, Math.ceil(f.x1 - left)); x++) cover[x]++;
  }
  const sizes = frags.map((f) => f.h).sort((a, b) => a - b);
  const minGap = Math.max(4, sizes[sizes.length >> 1] * 0.8);
  const gutters: number[] = [];
  let start = -1;
  for (let x = 0; x <= width; x++) {
    if (cover[x] === 0 && start < 0) start = x;
    if ((cover[x] !== 0 || x === width) && start >= 0) {
      if (x - start >= minGap && start > 0 && x < width) gutters.push(left + (start + x) / 2);
      start = -1;
    }
  }
  const kept = gutters.filter((g) => sidesHoldText(narrow, g));
  if (!kept.length) return { gutters: [] };
  const chars = (list: readonly Fragment[]) => list.reduce((n, f) => n + f.text.length, 0);
  const spanning = frags.filter((f) => kept.some((g) => crosses(f, g)));
  if (chars(spanning) > chars(frags) * MAX_SPANNING_SHARE) return { gutters: [] };
  return { gutters: kept };
}

export const crosses = (f: Fragment, g: number): boolean => f.x0 < g && f.x1 > g;

function sidesHoldText(narrow: readonly Fragment[], g: number): boolean {
  const l = narrow.filter((f) => f.x1 <= g);
  const r = narrow.filter((f) => f.x0 >= g);
  const total = narrow.reduce((n, f) => n + f.text.length, 0);
  const share = (list: Fragment[]) => list.reduce((n, f) => n + f.text.length, 0) / (total || 1);
  if (l.length < MIN_SIDE_LINES || r.length < MIN_SIDE_LINES) return false;
  if (share(l) < MIN_SIDE_SHARE || share(r) < MIN_SIDE_SHARE) return false;
  // The columns must run alongside each other, not one above the other.
  const span = (list: Fragment[]) => [Math.min(...list.map((f) => f.y)), Math.max(...list.map((f) => f.y + f.h))];
  const [lb, lt] = span(l);
  const [rb, rt] = span(r);
  const overlap = Math.min(lt, rt) - Math.max(lb, rb);
  return overlap > Math.min(lt - lb, rt - rb) * 0.3;
}

/**
 * Reading order for a page with gutters: full-width fragments split the page
 * into bands; within a band each column is read top to bottom, left to right.
 * Returns blocks (lists of fragments) in order; each block is laid out as lines.
 */
export function orderBlocks(frags: readonly Fragment[], { gutters }: Columns): Fragment[][] {
  if (!gutters.length) return [frags.slice()];
  const spanning = frags.filter((f) => gutters.some((g) => crosses(f, g))).sort((a, b) => b.y - a.y);
  const isSpanning = new Set(spanning);
  const cols: Fragment[][] = gutters.map(() => []);
  cols.push([]);
  for (const f of frags) {
    if (isSpanning.has(f)) continue;
    const mid = (f.x0 + f.x1) / 2;
    let i = gutters.findIndex((g) => mid < g);
    if (i < 0) i = gutters.length;
    cols[i].push(f);
  }
  const blocks: Fragment[][] = [];
  const taken = cols.map(() => new Set<Fragment>());
  const flushAbove = (y: number) => {
    cols.forEach((col, i) => {
      const above = col.filter((f) => !taken[i].has(f) && f.y > y);
      above.forEach((f) => taken[i].add(f));
      if (above.length) blocks.push(above);
    });
  };
  for (const s of spanning) {
    flushAbove(s.y + s.h * 0.5);
    const last = blocks.at(-1);
    // Consecutive full-width lines stay one block so they join into paragraphs.
    if (last && last.every((f) => isSpanning.has(f))) last.push(s);
    else blocks.push([s]);
  }
  flushAbove(-Infinity);
  return blocks;
}
