/**
 * A passage's Markdown-like text as the words a reader sees on the page: no
 * bullets, table pipes, fences, blockquote marks, code ticks or link URLs. It is
 * what the page is searched for and what the hover preview shows.
 */
export function plainWords(markdown: string): string {
  const lines = markdown
    .split('\n')
    .filter((line) => !/^\s*(```|~~~~)/.test(line))
    .map((line) =>
      line
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '')
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/\\\|/g, '\u0000')
        .replace(/^\s*\||\|\s*$/g, '')
        .replace(/\|/g, ' ')
        .replace(/\u0000/g, '|'),
    )
    .join(' ');
  return withoutLinkUrls(lines)
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `[text](url)` → `text`; a bare URL stays (it is on the page as text). A scanner, since the
 * regex for this re-read the rest of the text from every `[` (quadratic on a run of `[`):
 * each `]` and the URL after it are read once.
 */
export function withoutLinkUrls(s: string): string {
  const urlEnd = new Map<number, number>(); // `](` at this index → end of the link, or -1
  let out = '';
  let at = 0;
  let close = -1; // the first `]` at or after the current `[`
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '[') continue;
    if (close <= i) close = s.indexOf(']', i + 1);
    if (close < 0) break;
    let end = urlEnd.get(close);
    if (end === undefined) {
      end = s[close + 1] === '(' ? linkTargetEnd(s, close + 2) : -1;
      urlEnd.set(close, end);
    }
    if (end < 0) continue;
    out += s.slice(at, i) + s.slice(i + 1, close);
    at = end;
    i = end - 1;
  }
  return out + s.slice(at);
}

/** After `](`: a URL without spaces, with balanced single parentheses, then `)`. The index after it, or -1. */
function linkTargetEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s[i];
    if (c === ')') return i + 1;
    if (/\s/.test(c)) return -1;
    if (c === '(') {
      let j = i + 1;
      while (j < s.length && s[j] !== '(' && s[j] !== ')' && !/\s/.test(s[j])) j++;
      if (s[j] !== ')') return -1;
      i = j + 1;
      continue;
    }
    i++;
  }
  return -1;
}
