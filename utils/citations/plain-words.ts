/**
 * A passage's Markdown-like text as the words a reader sees on the page: no
 * bullets, table pipes, fences, blockquote marks, code ticks or link URLs. It is
 * what the page is searched for and what the hover preview shows.
 */
export function plainWords(markdown: string): string {
  return markdown
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
    .join(' ')
    // [text](url) → text; a bare URL stays (it is on the page as text).
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
