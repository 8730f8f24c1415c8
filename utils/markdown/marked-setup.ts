import { Lexer, Marked, Parser, Tokenizer } from 'marked';
import type { MarkedOptions, Token, Tokens, TokensList } from 'marked';
import { mathBlock, mathCut, mathInline } from './math-syntax';
import { safeRenderer } from './renderer';
import { limitEmphasis, limitNesting, originalOffset } from './nesting';

/** Link definitions by normalised label, as marked keeps them. */
export type LinkMap = TokensList['links'];

const marked = new Marked({ gfm: true, breaks: false }).use({
  extensions: [mathBlock, mathInline],
  renderer: safeRenderer,
  tokenizer: {
    // Raw HTML is shown as text. Without this, marked would treat the text after an
    // inline <pre>/<script>/<a> as raw and stop escaping or linking it.
    tag(src) {
      const cap = this.rules.inline.tag.exec(src);
      if (!cap) return undefined;
      return { type: 'html', raw: cap[0], text: cap[0], inLink: false, inRawBlock: false, block: false };
    },
    // No HTML blocks: such lines are ordinary paragraph text.
    html() {
      return undefined;
    },
    // A run of text ends before `$` or `\(`, where math may start (see mathInline); else marked's own.
    inlineText(src) {
      const cut = mathCut(src);
      return cut > 0 ? Tokenizer.prototype.inlineText.call(this, src.slice(0, cut)) : false;
    },
  },
});

const options: MarkedOptions = marked.defaults;

export function newLinkMap(parent?: LinkMap): LinkMap {
  return Object.create(parent ?? null) as LinkMap;
}

/**
 * Lexes `src` (blocks and inlines) resolving references through `links`, which gains new definitions.
 * Nesting of blocks and of emphasis is bounded first (`nesting.ts`); the top-level tokens' `raw` stays the caller's text, so
 * their lengths still add up to offsets in `src`.
 */
export function lex(src: string, links: LinkMap): TokensList {
  const blocks = limitNesting(src);
  const inline = limitEmphasis(blocks.text);
  const lexer = new Lexer(options);
  lexer.tokens.links = links;
  const tokens = lexer.lex(inline.text);
  if (blocks.inserted.length || inline.inserted.length) {
    const original = (offset: number) => originalOffset(blocks, originalOffset(inline, offset));
    let at = 0;
    for (const token of tokens) {
      const from = original(at);
      at += token.raw.length;
      token.raw = src.slice(from, original(at));
    }
  }
  return tokens;
}

/** HTML for block tokens, before sanitising. */
export function toHtml(tokens: Token[]): string {
  return new Parser(options).parse(tokens);
}

/** Whether a block token can still absorb what follows it (paragraph continuation). */
export function isOpenEnded(token: Token): boolean {
  return token.type === 'paragraph' || token.type === 'text';
}

export type { Token, Tokens };
