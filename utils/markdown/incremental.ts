import { isOpenEnded, lex, newLinkMap, toHtml } from './marked-setup';
import type { LinkMap, Token } from './marked-setup';
import { repairTail } from './repair';

/** A settled top-level block: its source and its (unsanitised) HTML. A new object whenever the HTML changes. */
export interface Block {
  readonly raw: string;
  readonly html: string;
}

export interface StreamUpdate {
  /** All settled blocks, in order. The array is reused and only grows until a reset. */
  readonly blocks: readonly Block[];
  /** Indices of blocks added or re-rendered by this update. */
  readonly changed: readonly number[];
  /** HTML of the unsettled tail (repaired), or null when the text is final. */
  readonly tailHtml: string | null;
  /** True when the text did not continue the previous one, so everything was rebuilt. */
  readonly reset: boolean;
}

/**
 * Incremental Markdown: blocks before a safe boundary are lexed and rendered once;
 * each update lexes only the unsettled tail, so a stream costs O(length), not O(length²).
 */
export class MarkdownStream {
  private blocks: Block[] = [];
  private consumed = 0; // offset where the unsettled tail starts
  private anchor = { at: 0, raw: '' }; // the last settled token, to notice a replaced text cheaply
  private links: LinkMap = newLinkMap();
  /** Length of the text last rendered as final: its last block was closed, so more text must rebuild it. */
  private finalLength = -1;

  update(text: string, final: boolean): StreamUpdate {
    // A final render settles the last paragraph too; an answer continued after that (Partial Mode) would
    // otherwise start a new block mid-word ("wa" | "rm").
    const reopened = this.finalLength >= 0 && text.length !== this.finalLength;
    this.finalLength = final ? text.length : -1;
    const reset = reopened || !this.continues(text);
    if (reset) this.clear();
    const changed: number[] = [];
    const tail = text.slice(this.consumed);
    if (final) {
      if (tail) this.settle(tail, changed);
      return { blocks: this.blocks, changed, tailHtml: null, reset };
    }
    // Lexed with a child link map so half-written definitions never leak into settled blocks.
    const tokens = lex(repairTail(tail), newLinkMap(this.links));
    const cut = settledCount(tokens);
    let length = 0;
    for (let i = 0; i < cut; i++) length += tokens[i].raw.length;
    if (cut > 0) this.settle(tail.slice(0, length), changed);
    return { blocks: this.blocks, changed, tailHtml: toHtml(tokens.slice(cut)), reset };
  }

  private continues(text: string): boolean {
    const { at, raw } = this.anchor;
    return text.length >= this.consumed && (!raw || text.startsWith(raw, at));
  }

  private clear(): void {
    this.blocks = [];
    this.consumed = 0;
    this.anchor = { at: 0, raw: '' };
    this.links = newLinkMap();
  }

  private settle(chunk: string, changed: number[]): void {
    const known = new Set(Object.keys(this.links));
    const tokens = lex(chunk, this.links);
    const labels = Object.keys(this.links).filter((label) => !known.has(label));
    if (labels.length) this.rerenderReferencing(labels, changed);
    let at = this.consumed;
    for (const token of tokens) {
      this.anchor = { at, raw: token.raw };
      at += token.raw.length;
      if (token.type === 'space' || token.type === 'def') continue;
      changed.push(this.blocks.length);
      this.blocks.push({ raw: token.raw, html: toHtml([token]) });
    }
    this.consumed += chunk.length;
  }

  /** A definition that arrives late changes earlier blocks that use its label. */
  private rerenderReferencing(labels: string[], changed: number[]): void {
    const patterns = labels.map(labelPattern);
    this.blocks.forEach((block, i) => {
      if (!patterns.some((p) => p.test(block.raw))) return;
      this.blocks[i] = { raw: block.raw, html: toHtml(lex(block.raw, this.links)) };
      changed.push(i);
    });
  }
}

/**
 * How many leading tokens are final. A boundary is safe after a token that cannot
 * absorb what follows (not a paragraph) and that is followed by at least two more
 * blocks: then the next block has been fully read, so later text cannot change it
 * into a continuation (e.g. "2" becoming "2." and joining a list above).
 */
export function settledCount(tokens: Token[]): number {
  let after = 0;
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (after >= 2 && !isOpenEnded(tokens[k])) return k + 1;
    if (tokens[k].type !== 'space') after++;
  }
  return 0;
}

function labelPattern(label: string): RegExp {
  const words = label.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\[\\s*${words.join('\\s+')}\\s*\\]`, 'i');
}
