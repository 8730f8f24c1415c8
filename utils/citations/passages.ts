import type { Passage } from './types';
import { plainWords } from './plain-words';

/**
 * Cuts extracted page text into citable passages: paragraphs, list items,
 * table rows and code blocks, numbered in reading order. Headings and rules are
 * not passages (they state nothing to cite). Text read from a real PDF keeps
 * its "--- Page N ---" markers, which give each passage its page; in any other
 * page such a line is just text (a web page can't pose as a PDF and send a
 * citation click to the PDF viewer path).
 *
 * The worker (to mark the prompt) and the panel (to link the answer) both run
 * this on the same text, so their numbers always agree.
 */
interface Span {
  start: number;
  /** Where `[Pn] ` goes: after a list bullet, so the item still reads as one. */
  insert: number;
  text: string;
  page?: number;
}

const PAGE_MARK = /^--- Page (\d+) ---$/;
const FENCE = /^(```|~~~~)/;
const BULLET = /^(?:[-*+]|\d{1,9}[.)])\s+/;
const TABLE_RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;
const HEADING = /^#{1,6}\s/;

/** Whether a page's text came from a PDF read by Moonlit (utils/panel/document-read.ts), so its page markers are real. */
export const isPdfText = (page: { source?: string }): boolean => page.source === 'pdf' || page.source === 'pdf-ocr';

function spans(text: string, pdf: boolean): Span[] {
  const out: Span[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let page: number | undefined;
  let fence: { tick: string; start: number; lines: string[] } | null = null;
  let block: { start: number; lines: string[] } | null = null;
  // Rules and rows of dashes name nothing a claim could rest on (and can't be found as words).
  const push = (start: number, body: string, insert = start) => {
    if (/[\p{L}\p{N}]/u.test(body)) out.push({ start, insert, text: body, page });
  };
  const flush = () => {
    if (block) splitBlock(block.start, block.lines, push);
    block = null;
  };
  for (const line of lines) {
    const here = offset;
    offset += line.length + 1;
    if (fence) {
      fence.lines.push(line);
      if (line.trim() === fence.tick) {
        push(fence.start, fence.lines.join('\n'));
        fence = null;
      }
      continue;
    }
    const tick = FENCE.exec(line)?.[1];
    if (tick) {
      flush();
      fence = { tick, start: here, lines: [line] };
      continue;
    }
    const mark = pdf ? PAGE_MARK.exec(line.trim()) : null;
    if (mark || !line.trim()) {
      flush();
      if (mark) page = Number(mark[1]);
      continue;
    }
    (block ??= { start: here, lines: [] }).lines.push(line);
  }
  if (fence) push(fence.start, fence.lines.join('\n'));
  flush();
  return out;
}

/** One blank-line block → passages: each list item and table row alone, anything else whole. */
function splitBlock(start: number, lines: string[], push: (start: number, body: string, insert?: number) => void): void {
  let offset = start;
  let item: { start: number; insert: number; lines: string[] } | null = null;
  const done = () => {
    if (item) push(item.start, item.lines.join('\n'), item.insert);
    item = null;
  };
  const listy = BULLET.test(lines[0]) || lines[0].startsWith('|');
  if (!listy) {
    if (HEADING.test(lines[0]) && lines.length === 1) return;
    // A heading line glued to its paragraph is not part of the passage.
    const skip = HEADING.test(lines[0]) ? lines[0].length + 1 : 0;
    push(start + skip, lines.join('\n').slice(skip));
    return;
  }
  for (const line of lines) {
    const here = offset;
    offset += line.length + 1;
    if (TABLE_RULE.test(line.trim())) continue;
    const bullet = BULLET.exec(line)?.[0];
    if (bullet || line.startsWith('|')) {
      done();
      item = { start: here, insert: here + (bullet?.length ?? 0), lines: [line] };
    } else if (item) item.lines.push(line);
    else item = { start: here, insert: here, lines: [line] };
  }
  done();
}

/** `pdf`: the text is a PDF's (isPdfText), so its page markers give passages their pages. */
export function splitPassages(text: string, pdf: boolean): Passage[] {
  const length = Math.max(1, text.length);
  return spans(text, pdf).map((s, i) => ({
    n: i + 1,
    text: s.text,
    quote: plainWords(s.text),
    at: s.start / length,
    ...(s.page ? { page: s.page } : {}),
  }));
}

/** Our own marker form in page text is defused, so a page can't pose as a passage number. */
export function defuseMarkers(text: string): string {
  return text.replace(/([[【])(\s*P)(\d)/gi, '$1$2\u2009$3');
}

/**
 * The page text as sent to Kimi, each passage opened by `[Pn]`. Numbering starts at
 * `first` (a part of a long page keeps the whole page's numbers). `pdf` as for splitPassages.
 */
export function markPassages(text: string, pdf: boolean, first = 1): { text: string; count: number } {
  const all = spans(text, pdf);
  let out = '';
  let at = 0;
  all.forEach((s, i) => {
    out += defuseMarkers(text.slice(at, s.insert)) + `[P${first + i}] `;
    at = s.insert;
  });
  out += defuseMarkers(text.slice(at));
  return { text: out, count: all.length };
}
