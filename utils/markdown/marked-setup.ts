import { Lexer, Marked, Parser } from 'marked';
import type { MarkedOptions, Token, Tokens, TokensList } from 'marked';
import { mathBlock, mathInline } from './math-syntax';
import { safeRenderer } from './renderer';

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
  },
});

const options: MarkedOptions = marked.defaults;

export function newLinkMap(parent?: LinkMap): LinkMap {
  return Object.create(parent ?? null) as LinkMap;
}

/** Lexes `src` (blocks and inlines) resolving references through `links`, which gains new definitions. */
export function lex(src: string, links: LinkMap): TokensList {
  const lexer = new Lexer(options);
  lexer.tokens.links = links;
  return lexer.lex(src);
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
