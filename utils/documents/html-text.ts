import { trimLineEnds } from '../text/line-ends';

/**
 * Plain text of an HTML file without a DOM (the worker has no DOMParser):
 * drops scripts and styles, turns block ends into line breaks, decodes entities.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  bull: '•',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|dt|dd)\b[^>]*>/gi;
const HIDDEN_OPEN = /<(script|style|noscript|template|svg|head)\b/gi;

/**
 * Each step is linear in the file: the lazy `[\s\S]*?` and `[^>]*` patterns re-read the rest of
 * the text from every opening that has no end (a file of unclosed `<!--` or `<p` was quadratic),
 * so ends are found once with indexOf, and tag patterns run only up to the last `>`.
 */
export function htmlToText(html: string): string {
  const text = tagsOnly(dropHidden(dropComments(html)), (s) =>
    s
      .replace(/<\/(?:td|th)\s*>/gi, '\t')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ''),
  );
  const spaced = decodeEntities(text).replace(/[ \t\u00a0]+/g, (m) => (m.includes('\t') ? '\t' : ' '));
  return trimLineEnds(spaced, ' ', true)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function dropComments(s: string): string {
  let out = '';
  let at = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', at)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break; // no comment ends after here, so none that starts later does either
    out += s.slice(at, open);
    at = close + 3;
  }
  return out + s.slice(at);
}

/** Script, style and the like, with their content, up to their closing tag (left as text when unclosed). */
function dropHidden(s: string): string {
  let out = '';
  let at = 0;
  const unclosed = new Set<string>();
  const open = new RegExp(HIDDEN_OPEN);
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const name = m[1].toLowerCase();
    if (m.index < at || unclosed.has(name)) continue;
    const close = new RegExp(`<\\/${name}\\s*>`, 'gi');
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(s);
    if (!end) {
      unclosed.add(name);
      continue;
    }
    out += s.slice(at, m.index) + ' ';
    at = end.index + end[0].length;
    open.lastIndex = at;
  }
  return out + s.slice(at);
}

/** Applies tag patterns only where a tag can end: nothing after the last `>` can be part of one. */
function tagsOnly(s: string, replace: (s: string) => string): string {
  const end = s.lastIndexOf('>') + 1;
  return replace(s.slice(0, end)) + s.slice(end);
}
