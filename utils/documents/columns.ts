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

/** Left edges shared by several narrow fragments: where columns start. */
export function leftEdges(narrow: readonly Fragment[]): number[] {
  const counts = new Map<number, number>();
  for (const f of narrow) counts.set(Math.round(f.x0 / 2), (counts.get(Math.round(f.x0 / 2)) ?? 0) + 1);
  const edges: number[] = [];
  for (const [key, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    const near = n + (counts.get(key - 1) ?? 0) + (counts.get(key + 1) ?? 0);
    if (near >= MIN_SIDE_LINES && !(edges.length && key * 2 - edges[edges.length - 1] <= 4)) edges.push(key * 2);
  }
  return edges;
}

/**
 * Finds the vertical gutters between text columns. A column is a left edge
 * shared by many narrow fragments; the gutter runs from the widest such line
 * of one column to the next column's edge. Centred headings and full-width
 * lines may cross it: they are read as full-width text.
 */
export function findGutters(frags: readonly Fragment[]): Columns {
  if (frags.length < MIN_SIDE_LINES * 2) return { gutters: [] };
  const left = Math.min(...frags.map((f) => f.x0));
  const width = Math.max(...frags.map((f) => f.x1)) - left;
  if (!(width > 0)) return { gutters: [] };
  const narrow = frags.filter((f) => f.x1 - f.x0 < width * NARROW);
  const sizes = frags.map((f) => f.h).sort((a, b) => a - b);
  const minGap = Math.max(4, sizes[sizes.length >> 1] * 0.8);
  const edges = leftEdges(narrow);
  const narrowChars = narrow.reduce((n, f) => n + f.text.length, 0);
  const gutters: number[] = [];
  // The left edge of the column being measured; it moves on only when a gutter is found.
  let colStart = edges[0];
  for (const edge of edges.slice(1)) {
    if (edge - colStart < width * 0.2) continue;
    const col = narrow.filter((f) => f.x0 >= colStart - 2 && f.x1 <= edge - minGap);
    if (col.length < MIN_SIDE_LINES) continue;
    const g = (Math.max(...col.map((f) => f.x1)) + edge) / 2;
    // A real gutter is crossed only by the odd centred heading, not by a column's own lines.
    const crossing = narrow.filter((f) => crosses(f, g)).reduce((n, f) => n + f.text.length, 0);
    if (crossing <= narrowChars * 0.1 && sidesHoldText(narrow, g, width)) {
      gutters.push(g);
      colStart = edge;
    }
  }
  if (!gutters.length) return { gutters: [] };
  const chars = (list: readonly Fragment[]) => list.reduce((n, f) => n + f.text.length, 0);
  const spanning = frags.filter((f) => gutters.some((g) => crosses(f, g)));
  if (chars(spanning) > chars(frags) * MAX_SPANNING_SHARE) return { gutters: [] };
  return { gutters };
}

export const crosses = (f: Fragment, g: number): boolean => f.x0 < g && f.x1 > g;

export function sidesHoldText(narrow: readonly Fragment[], g: number, width: number): boolean {
  const l = narrow.filter((f) => f.x1 <= g);
  const r = narrow.filter((f) => f.x0 >= g);
  // Most of a text column's characters sit in long lines; a table's sit in short cells.
  const inLongLines = (list: Fragment[]) =>
    list.filter((f) => f.x1 - f.x0 >= width * 0.2).reduce((n, f) => n + f.text.length, 0) / (list.reduce((n, f) => n + f.text.length, 0) || 1);
  const total = narrow.reduce((n, f) => n + f.text.length, 0);
  const share = (list: Fragment[]) => list.reduce((n, f) => n + f.text.length, 0) / (total || 1);
  if (l.length < MIN_SIDE_LINES || r.length < MIN_SIDE_LINES) return false;
  if (share(l) < MIN_SIDE_SHARE || share(r) < MIN_SIDE_SHARE) return false;
  if (inLongLines(l) < 0.5 || inLongLines(r) < 0.5) return false;
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
    if (last?.every((f) => isSpanning.has(f))) last.push(s);
    else blocks.push([s]);
  }
  flushAbove(-Infinity);
  return blocks;
}
