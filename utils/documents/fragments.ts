import { needsSpace, type Fragment, type PageBox, type PlacedText } from './layout-types';

/** A gap wider than this many font heights ends a fragment: columns, table cells. */
const MAX_GAP_EM = 1.2;
/** A gap wider than this many font heights is a word space when the text has none. */
const SPACE_GAP_EM = 0.15;

function sameLine(f: Fragment, it: PlacedText): boolean {
  const h = Math.min(f.h, it.h) || Math.max(f.h, it.h);
  const top = Math.min(f.y + f.h, it.y + it.h);
  const bottom = Math.max(f.y, it.y);
  // Superscripts and subscripts overlap the line they belong to by most of their height.
  return top - bottom >= h * 0.5 || Math.abs(f.y - it.y) <= h * 0.2;
}

const inside = (it: PlacedText, box: PageBox | undefined): boolean =>
  !box || (it.x + it.w >= box[0] - 1 && it.x <= box[2] + 1 && it.y + it.h >= box[1] - 1 && it.y <= box[3] + 1);

/**
 * Joins pdf.js items, in content-stream order, into fragments. pdf.js gives
 * items in drawing order, which within one line and one column is reading order.
 */
export function toFragments(items: readonly PlacedText[], box?: PageBox): Fragment[] {
  const out: Fragment[] = [];
  let cur: Fragment | null = null;
  for (const it of items) {
    if (!it.str || !inside(it, box)) continue;
    const blank = it.str.trim() === '';
    // pdf.js bridges a column gap with one wide space item: that is a break, not a word space.
    if (blank && cur && it.w > Math.max(cur.h, it.h, 1) * MAX_GAP_EM) {
      cur = null;
      continue;
    }
    if (cur) {
      const em = Math.max(cur.h, it.h, 1);
      const gap = it.x - cur.x1;
      if (sameLine(cur, it) && gap > -em * 0.5 && gap <= em * MAX_GAP_EM) {
        if (blank) {
          if (!/\s/.test(cur.text.at(-1) ?? '')) cur.text += ' ';
        } else {
          if (gap > em * SPACE_GAP_EM && needsSpace(cur.text, it.str)) cur.text += ' ';
          cur.text += it.str;
        }
        if (!blank) cur.x1 = Math.max(cur.x1, it.x + it.w);
        // The line's height is its main text's: a superscript must not move the baseline.
        if (it.h > cur.h && !blank) {
          cur.y = it.y;
          cur.h = it.h;
        }
        continue;
      }
    }
    if (blank) {
      cur = null;
      continue;
    }
    cur = { text: it.str, x0: it.x, x1: it.x + it.w, y: it.y, h: it.h };
    out.push(cur);
  }
  for (const f of out) f.text = f.text.trimEnd();
  return out.filter((f) => f.text);
}
