import type { PlacedText } from './layout-types';
import { trimLineEnds } from '../text/line-ends';

/**
 * Prepress slugs such as "14773_01_1-174_r9jm.qxd 2/10/04 10:12 AM Page 3": a layout file's
 * name, then a date. Two fixed-width searches instead of one `\S+\.qxd.*date` pattern, which
 * re-read the line from every start (quadratic on a long unbroken line).
 */
const SLUG_FILE = /\S\.(?:qxd|qxp|indd|pm[0-9]|p65|fm|eps)\b/i;
const SLUG_DATE = /\d{1,2}\/\d{1,2}\/\d{2,4}/;

function isSlug(line: string): boolean {
  const file = SLUG_FILE.exec(line);
  if (!file) return false;
  const rest = line.slice(file.index + file[0].length).split(/[\r\u2028\u2029]/, 1)[0];
  return SLUG_DATE.test(rest);
}
/** Registration and crop marks some printers' PDFs carry as text. */
const MARK_ONLY = /^[\s\u2295\u2316\u25ce\u271b+|—_]+$/;

const LINE_NUMBER = /^\s*(\d{1,3})[A-Z]?\s*$/;

/**
 * Drops a column of consecutive line numbers in a margin ("1 2 3 … 32S 33R"):
 * at least 8 numbers at one x, mostly counting up by one, left or right of all other text.
 */
export function dropLineNumbers(items: readonly PlacedText[]): PlacedText[] {
  const buckets = new Map<number, PlacedText[]>();
  for (const it of items) {
    if (!LINE_NUMBER.test(it.str)) continue;
    const key = Math.round(it.x / 3);
    const run = buckets.get(key);
    if (run) run.push(it);
    else buckets.set(key, [it]);
  }
  const drop = new Set<PlacedText>();
  for (const run of buckets.values()) {
    if (run.length < 8) continue;
    const nums = run
      .slice()
      .sort((a, b) => b.y - a.y)
      .map((it) => Number(LINE_NUMBER.exec(it.str)![1]));
    const steps = nums.slice(1).filter((n, i) => Math.abs(n - nums[i]) === 1).length;
    if (steps < (nums.length - 1) * 0.8) continue;
    const x0 = Math.min(...run.map((it) => it.x));
    const x1 = Math.max(...run.map((it) => it.x + it.w));
    const inRun = new Set(run);
    const others = items.filter((it) => !inRun.has(it) && it.str.trim());
    const inMargin = others.every((it) => it.x >= x1 - 1) || others.every((it) => it.x + it.w <= x0 + 1);
    if (inMargin) run.forEach((it) => drop.add(it));
  }
  return drop.size ? items.filter((it) => !drop.has(it)) : items.slice();
}

/** Per-line clean-up of a page's text: slugs, stray marks, soft hyphens, control characters. */
export function cleanPageText(text: string): string {
  const kept = text
    .split('\n')
    .filter((line) => !isSlug(line) && !(line.trim() && MARK_ONLY.test(line)))
    .join('\n')
    .replace(/\u00ad/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return trimLineEnds(kept)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
