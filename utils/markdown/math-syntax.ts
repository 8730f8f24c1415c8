import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from './escape';

/**
 * Marked extensions that turn $$…$$, \[…\], $…$ and \(…\) into placeholders
 * (`data-tex`). The TeX is shown as text until KaTeX is loaded lazily.
 */
interface MathToken extends Tokens.Generic { type: 'mathBlock' | 'mathInline'; tex: string; display: boolean }

const BLOCK_OPEN = /^ {0,3}(\$\$|\\\[)/;
const BLOCK_START = /^ {0,3}(?:\$\$|\\\[)/m;

/** End of the closing delimiter, not crossing a blank line (TeX forbids one in display math). */
function findClose(src: string, from: number, close: string): number {
  const end = src.indexOf(close, from);
  if (end < 0) return -1;
  const blank = /\n[ \t]*\n/.exec(src.slice(from, end));
  return blank ? -1 : end;
}

export const mathBlock: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  start(src) {
    // Only the current paragraph matters: a paragraph ends at a blank line anyway,
    // and scanning further would make lexing quadratic.
    const para = src.indexOf('\n\n');
    const m = BLOCK_START.exec(para < 0 ? src : src.slice(0, para));
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    const open = BLOCK_OPEN.exec(src);
    if (!open) return undefined;
    const close = open[1] === '$$' ? '$$' : '\\]';
    const body = open[0].length;
    const end = findClose(src, body, close);
    if (end < 0) return undefined;
    const rest = /^[ \t]*(?:\n+|$)/.exec(src.slice(end + close.length));
    if (!rest) return undefined;
    const tex = src.slice(body, end).trim();
    if (!tex) return undefined;
    const raw = src.slice(0, end + close.length + rest[0].length);
    return { type: 'mathBlock', raw, tex, display: true } satisfies MathToken;
  },
  renderer(token) {
    return placeholder((token as MathToken).tex, true, 'div') + '\n';
  },
};

// $…$: the opener is followed by a non-space, the closer preceded by one and not
// followed by a digit, so prices like "$5 and $10" stay text.
const INLINE_DOLLAR = /^\$(?!\$)(?=\S)((?:\\.|[^\\$\n])+?)(?<=\S)\$(?!\d)/;
const INLINE_DISPLAY = /^\$\$(?=\S)((?:\\.|[^\\$\n])+?)\$\$/;
const INLINE_PAREN = /^\\\(((?:(?!\\\))[^\n])+?)\\\)/;

export const mathInline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  start(src) {
    const i = src.search(/\$|\\\(/);
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const first = src.charCodeAt(0);
    if (first !== 36 && first !== 92) return undefined; // $ or \
    const display = INLINE_DISPLAY.exec(src);
    if (display) return { type: 'mathInline', raw: display[0], tex: display[1], display: true } satisfies MathToken;
    const m = INLINE_DOLLAR.exec(src) ?? INLINE_PAREN.exec(src);
    if (!m) return undefined;
    return { type: 'mathInline', raw: m[0], tex: m[1], display: false } satisfies MathToken;
  },
  renderer(token) {
    const { tex, display } = token as MathToken;
    return placeholder(tex, display, 'span');
  },
};

function placeholder(tex: string, display: boolean, tag: 'div' | 'span'): string {
  const cls = display ? 'md-math md-math-display' : 'md-math';
  return `<${tag} class="${cls}" data-tex="${escapeHtml(tex)}">${escapeHtml(tex)}</${tag}>`;
}
