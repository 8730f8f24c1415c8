import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from './escape';
import { SuffixSearch, type Finder } from './suffix-search';

/**
 * Marked extensions that turn $$…$$, \[…\], $…$ and \(…\) into placeholders
 * (`data-tex`). The TeX is shown as text until KaTeX is loaded lazily.
 * Searching afresh for a closing delimiter from every `\[`, `\(` or text run that never closes
 * re-read the rest of the text each time (quadratic): searches are bounded or remembered.
 */
interface MathToken extends Tokens.Generic {
  type: 'mathBlock' | 'mathInline';
  tex: string;
  display: boolean;
}

const BLOCK_OPEN = /^ {0,3}(\$\$|\\\[)/;
const BLOCK_START = /^ {0,3}(?:\$\$|\\\[)/m;

/**
 * How far a display block's closing delimiter is looked for. Block tokenizers get no key that is
 * safe to remember searches by (marked re-lexes a quote's lines with one token list for several
 * texts), so their searches are bounded instead: constant work per line, whatever follows.
 */
export const MAX_TEX = 4000;

/** A display block at the start of `src`, or null. */
function displayBlock(src: string): { raw: string; tex: string } | null {
  const open = BLOCK_OPEN.exec(src);
  if (!open) return null;
  const close = open[1] === '$$' ? '$$' : '\\]';
  const body = open[0].length;
  const end = src.slice(0, body + MAX_TEX).indexOf(close, body);
  // Not crossing a blank line (TeX forbids one in display math).
  if (end < 0 || /\n[ \t]*\n/.test(src.slice(body, end))) return null;
  const rest = /^[ \t]*(?:\n+|$)/.exec(src.slice(end + close.length, end + close.length + MAX_TEX));
  if (!rest) return null;
  const tex = src.slice(body, end).trim();
  if (!tex) return null;
  return { raw: src.slice(0, end + close.length + rest[0].length), tex };
}

export const mathBlock: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  // Where a top-level paragraph must stop so a display block can start (marked cuts no other): the
  // paragraph's first `$$` or `\[` line, only if a block really starts there. A cut before a line that
  // is not math made marked re-read the rest of the paragraph (for a setext heading) at every such line.
  start(src) {
    if (!this.lexer.state.top) return undefined;
    const window = src.slice(0, MAX_TEX);
    const para = window.indexOf('\n\n');
    const m = BLOCK_START.exec(para < 0 ? window : window.slice(0, para));
    return m && displayBlock(src.slice(m.index)) ? m.index : undefined;
  },
  tokenizer(src) {
    const block = displayBlock(src);
    return block ? ({ type: 'mathBlock', ...block, display: true } satisfies MathToken) : undefined;
  },
  renderer(token) {
    return placeholder((token as MathToken).tex, true, 'div') + '\n';
  },
};

// Inline searches are remembered per token list: marked gives each inline text its own.
const search = new SuffixSearch();
const find =
  (needle: string): Finder =>
  (src, from) =>
    src.indexOf(needle, from);

// $…$: the opener is followed by a non-space, the closer preceded by one and not
// followed by a digit, so prices like "$5 and $10" stay text.
const INLINE_DOLLAR = /^\$(?!\$)(?=\S)((?:\\.|[^\\$\n])+?)(?<=\S)\$(?!\d)/;
const INLINE_DISPLAY = /^\$\$(?=\S)((?:\\.|[^\\$\n])+?)\$\$/;

export const mathInline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  // No start(): marked would call it for every run of text, each scanning to the next `$`. Runs of
  // text are cut at `$` and `\(` instead (mathCut), so this is tried there.
  tokenizer(src, tokens) {
    hint = { length: src.length, at: search.next(tokens, 'math', src, 1, mathChar) };
    const first = src.charCodeAt(0);
    if (first !== 36 && first !== 92) return undefined; // $ or \
    const display = INLINE_DISPLAY.exec(src);
    if (display) return { type: 'mathInline', raw: display[0], tex: display[1], display: true } satisfies MathToken;
    const m = INLINE_DOLLAR.exec(src);
    if (m) return { type: 'mathInline', raw: m[0], tex: m[1], display: false } satisfies MathToken;
    return parenMath(src, tokens);
  },
  renderer(token) {
    const { tex, display } = token as MathToken;
    return placeholder(tex, display, 'span');
  },
};

/** `\(…\)` on one line, with something inside. */
function parenMath(src: string, tokens: object): MathToken | undefined {
  if (!src.startsWith('\\(')) return undefined;
  const end = search.next(tokens, '\\)', src, 2, find('\\)'));
  if (end <= 2) return undefined;
  const nl = search.next(tokens, '\n', src, 2, find('\n'));
  if (nl >= 0 && nl < end) return undefined;
  return { type: 'mathInline', raw: src.slice(0, end + 2), tex: src.slice(2, end), display: false };
}

/** The next `$` or `\(` at or after `from`. */
const mathChar: Finder = (s, from) => {
  for (let i = from; i < s.length; i++) if (s[i] === '$' || (s[i] === '\\' && s[i + 1] === '(')) return i;
  return -1;
};

/** Set by the inline tokenizer, which marked calls first at every step, for the text run that follows. */
let hint = { length: -1, at: -1 };

/** Where a run of plain text starting `src` must stop so the math tokenizer is tried there (-1: nowhere). */
export function mathCut(src: string): number {
  return hint.length === src.length ? hint.at : -1;
}

function placeholder(tex: string, display: boolean, tag: 'div' | 'span'): string {
  const cls = display ? 'md-math md-math-display' : 'md-math';
  return `<${tag} class="${cls}" data-tex="${escapeHtml(tex)}">${escapeHtml(tex)}</${tag}>`;
}
