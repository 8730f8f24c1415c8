import { isCjk, needsSpace, type Fragment } from './layout-types';

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** Groups fragments that share a baseline, top to bottom, each line left to right. */
export function toLines(frags: readonly Fragment[]): Line[] {
  const sorted = frags.slice().sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: { parts: Fragment[]; y: number; h: number }[] = [];
  for (const f of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - f.y) <= Math.min(last.h, f.h) * 0.5) last.parts.push(f);
    else lines.push({ parts: [f], y: f.y, h: f.h });
  }
  return lines.map(({ parts, y, h }) => {
    parts.sort((a, b) => a.x0 - b.x0);
    let text = '';
    for (const p of parts) text += (text && (needsSpace(text, p.text) ? ' ' : '')) + p.text;
    return { text, x0: parts[0].x0, x1: Math.max(...parts.map((p) => p.x1)), y, h: Math.max(h, ...parts.map((p) => p.h)) };
  });
}

const HYPHEN_END = /(\p{L})[-\u00ad\u2010]$/u;

/** Joins a wrapped line onto the previous one, undoing end-of-line hyphenation ("pro-" + "duce"). */
function joinWrapped(prev: string, next: string): string {
  if (HYPHEN_END.test(prev) && /^\p{Ll}/u.test(next)) return prev.slice(0, -1) + next;
  if (isCjk(prev.at(-1)) || isCjk(next[0])) return prev + next;
  return prev + (needsSpace(prev, next) ? ' ' : '') + next;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = values.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Lays a block's lines out as text: a line that reaches the block's right
 * edge wraps into the next one (same paragraph); a wider vertical gap than
 * usual starts a new paragraph; other line ends stay line breaks (lists, tables).
 */
export function blockText(frags: readonly Fragment[]): string {
  const lines = toLines(frags);
  if (!lines.length) return '';
  const right = Math.max(...lines.map((l) => l.x1));
  const left = Math.min(...lines.map((l) => l.x0));
  const steps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((d) => d > 0);
  const step = median(steps) || lines[0].h * 1.2;
  const paragraphs: string[] = [];
  let cur = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const gap = prev.y - line.y;
    const full = prev.x1 >= right - (right - left) * 0.12;
    if (gap > Math.max(step * 1.4, prev.h * 1.5)) {
      paragraphs.push(cur);
      cur = line.text;
    } else if (full && line.h <= prev.h * 1.15 && prev.h <= line.h * 1.15) {
      cur = joinWrapped(cur, line.text);
    } else {
      cur += `\n${line.text}`;
    }
  }
  paragraphs.push(cur);
  return paragraphs.join('\n\n');
}
