/**
 * Bounds how deep quotes and lists nest before the text reaches marked, whose lexer
 * recurses once per level: a few KB of `>>>>…` or of ever more indented items made it
 * overflow the stack, and deep lists cost time growing with the cube of the depth.
 * Markers beyond MAX_DEPTH get a backslash, so they show as the characters they are.
 * One pass over the lines; the text is unchanged when nothing is that deep.
 */
export const MAX_DEPTH = 16;

export interface Limited {
  text: string;
  /** Offsets in `text` of the backslashes added, ascending. */
  inserted: number[];
}

export function limitNesting(src: string): Limited {
  const inserted: number[] = [];
  let out = '';
  let copied = 0;
  const escapeAt = (at: number) => {
    out += src.slice(copied, at) + '\\';
    inserted.push(out.length - 1);
    copied = at;
  };
  const items: number[] = []; // content columns of the list items open above this line
  for (let start = 0; start <= src.length; ) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    let i = start;
    let quotes = 0;
    const opened: number[] = []; // content columns of the items this line opens
    let column = -1; // indentation of the line's content, measured once after its quote markers
    let content = start;
    for (;;) {
      const from = i;
      while (i < end && (src[i] === ' ' || src[i] === '\t')) i++;
      if (i === end) break;
      if (src[i] === '>') {
        if (++quotes + items.length + opened.length > MAX_DEPTH) escapeAt(i);
        i++;
        continue;
      }
      if (column < 0) {
        column = indentWidth(src, from, i);
        content = i;
        while (items.length && items[items.length - 1] > column) items.pop();
      }
      const width = listMarker(src, i, end);
      if (!width) break;
      if (quotes + items.length + opened.length + 1 > MAX_DEPTH) {
        escapeAt(i + width - 1);
        break;
      }
      i += width;
      opened.push(column + i - content + 1);
    }
    items.push(...opened);
    start = end + 1;
  }
  return { text: out + src.slice(copied), inserted };
}

/** Columns taken by the spaces and tabs in src[from, to) (a tab reaching the next multiple of 4). */
function indentWidth(src: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w = src[i] === '\t' ? w + 4 - (w % 4) : w + 1;
  return w;
}

/** Length of a list marker (`-`, `*`, `+`, `12.`, `3)`) at i followed by a space or the line's end, else 0. */
function listMarker(src: string, i: number, end: number): number {
  let j = i;
  if (src[j] === '-' || src[j] === '*' || src[j] === '+') j++;
  else {
    while (j < end && j - i < 9 && src[j] >= '0' && src[j] <= '9') j++;
    if (j === i || (src[j] !== '.' && src[j] !== ')')) return 0;
    j++;
  }
  return j === end || src[j] === ' ' || src[j] === '\t' ? j - i : 0;
}

/** Maps an offset in the limited text back to the original one. */
export function originalOffset(limited: Limited, offset: number): number {
  let lo = 0;
  let hi = limited.inserted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (limited.inserted[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return offset - lo;
}

/** Emphasis (`*`, `_`, `~`) and brackets opened and not yet closed beyond this depth in one paragraph are shown as text. */
export const MAX_EMPHASIS_DEPTH = 32;

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/;
const DELIMITER = new Set(['*', '_', '~']);
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Bounds emphasis nesting the same way: marked parses `**a **b **c … c** b** a**` by recursing
 * once per level, re-reading the rest each time (seconds at a few thousand levels, then a stack
 * overflow); nested link brackets cost the same way. Delimiter runs and `[` that open beyond the depth get backslashes. A run opens when followed
 * by a non-space and not preceded by one, closes the other way round; a blank line ends a paragraph.
 * Fenced code is left alone; in code spans the count is approximate, which only matters past the bound.
 */
export function limitEmphasis(src: string): Limited {
  const inserted: number[] = [];
  let out = '';
  let copied = 0;
  let depth = 0;
  let brackets = 0;
  let fence = '';
  const escapeAt = (at: number) => {
    out += src.slice(copied, at) + '\\';
    inserted.push(out.length - 1);
    copied = at;
  };
  for (let start = 0; start <= src.length; ) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    const fenceMark = FENCE_LINE.exec(src.slice(start, Math.min(end, start + 16)))?.[0].trim();
    if (fenceMark && (!fence || fenceMark[0] === fence[0])) fence = fence ? '' : fenceMark;
    else if (!fence && !src.slice(start, end).trim()) depth = brackets = 0;
    else if (!fence) {
      for (let i = start; i < end; ) {
        const c = src[i];
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === '[' || c === ']') {
          if (c === ']') brackets = Math.max(0, brackets - 1);
          else if (++brackets > MAX_EMPHASIS_DEPTH) escapeAt(i);
          i++;
          continue;
        }
        if (!DELIMITER.has(c)) {
          i++;
          continue;
        }
        // A mixed run (`~~*_`) opens or closes as a whole; each same-character part is one level.
        let j = i;
        while (DELIMITER.has(src[j])) j++;
        const opens = !isSpace(src[j]) && isSpace(src[i - 1]);
        const closes = isSpace(src[j]) && !isSpace(src[i - 1]);
        for (let k = i; k < j; ) {
          let m = k;
          while (src[m] === src[k]) m++;
          if (opens && ++depth > MAX_EMPHASIS_DEPTH) for (let q = k; q < m; q++) escapeAt(q);
          else if (closes) depth = Math.max(0, depth - 1);
          k = m;
        }
        i = j;
      }
    }
    start = end + 1;
  }
  return { text: out + src.slice(copied), inserted };
}
