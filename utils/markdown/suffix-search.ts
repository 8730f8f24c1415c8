/**
 * marked hands its tokenizers the rest of one text again and again, each call a shorter suffix
 * of the same text with the same token list. A fresh search per call re-reads the rest of the text each time: quadratic
 * when the needle is far or absent. This remembers, per key and needle, where the last search
 * started and what it found, counted from the end of the text (which suffixes share), so a whole
 * text is searched once per needle.
 */
interface Found {
  /** Characters left when the search started. */
  from: number;
  /** Characters left at the hit, or -1 when there was none up to the end. */
  at: number;
}

export type Finder = (src: string, from: number) => number;

export class SuffixSearch {
  private memo = new WeakMap<object, Map<string, Found>>();

  /** Index in `src` of the first hit at or after `from` (-1 if none), as `find(src, from)` would give. */
  next(key: object, needle: string, src: string, from: number, find: Finder): number {
    let byNeedle = this.memo.get(key);
    if (!byNeedle) this.memo.set(key, (byNeedle = new Map()));
    const left = src.length - from;
    const known = byNeedle.get(needle);
    // Valid while the query starts within what the last search covered and not past its hit.
    if (known && left <= known.from && (known.at < 0 || known.at <= left)) {
      return known.at < 0 ? -1 : src.length - known.at;
    }
    const i = find(src, from);
    byNeedle.set(needle, { from: left, at: i < 0 ? -1 : src.length - i });
    return i;
  }
}
