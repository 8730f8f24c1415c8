import { isOpenEnded, lex, newLinkMap, toHtml } from './marked-setup';
import type { LinkMap, Token } from './marked-setup';
import { repairTail } from './repair';

/**
 * A settled top-level block: its source and its (unsanitised) HTML. A new object whenever the HTML changes.
 * `failed`: rendering it threw (a stack overflow in marked, say); it is shown as its raw text instead.
 */
export interface Block {
  readonly raw: string;
  readonly html: string;
  readonly failed?: true;
}

export interface StreamUpdate {
  /** All settled blocks, in order. The array is reused and only grows until a reset. */
  readonly blocks: readonly Block[];
  /** Indices of blocks added or re-rendered by this update. */
  readonly changed: readonly number[];
  /** HTML of the unsettled tail (repaired), or null when the text is final. */
  readonly tailHtml: string | null;
  /** The tail's source (what tailHtml shows; '' when final), to show as text if rendering fails. */
  readonly tailSource: string;
  /** Rendering the tail threw: tailHtml is '' and the tail is shown as its source. */
  readonly tailFailed: boolean;
  /** Text after what tailHtml shows, not rendered yet (a long tail is re-rendered only now and then). */
  readonly tailPending: string;
  /** True when the text did not continue the previous one, so everything was rebuilt. */
  readonly reset: boolean;
}

/** Above this many characters, the unsettled tail is not re-rendered on every update. */
export const LONG_TAIL = 4000;

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
  /** The tail as last rendered, to skip re-rendering a long one until it has grown enough. */
  private lastTail = { consumed: -1, text: '', html: '' };

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
      return { blocks: this.blocks, changed, tailHtml: null, tailSource: '', tailFailed: false, tailPending: '', reset };
    }
    const last = this.lastTail;
    // One long paragraph never settles, and lexing it (emphasis runs and all) on every delta made a
    // stream cost O(length²). A long tail is re-rendered only once it has grown by a quarter, so its
    // renders add up to a few times its length; what came since is shown as plain text meanwhile.
    if (tail.length > LONG_TAIL && last.consumed === this.consumed && tail.length < last.text.length * 1.25 && tail.startsWith(last.text)) {
      return { blocks: this.blocks, changed, tailHtml: last.html, tailSource: last.text, tailFailed: false, tailPending: tail.slice(last.text.length), reset };
    }
    let tokens: Token[];
    try {
      // Lexed with a child link map so half-written definitions never leak into settled blocks.
      tokens = lex(repairTail(tail), newLinkMap(this.links));
    } catch {
      return { blocks: this.blocks, changed, tailHtml: '', tailSource: tail, tailFailed: true, tailPending: '', reset };
    }
    const cut = settledCount(tokens);
    let length = 0;
    for (let i = 0; i < cut; i++) length += tokens[i].raw.length;
    if (cut > 0) this.settle(tail.slice(0, length), changed);
    const rest = tail.slice(length);
    let html: string;
    try {
      html = toHtml(tokens.slice(cut));
    } catch {
      return { blocks: this.blocks, changed, tailHtml: '', tailSource: rest, tailFailed: true, tailPending: '', reset };
    }
    this.lastTail = { consumed: this.consumed, text: rest, html };
    return { blocks: this.blocks, changed, tailHtml: html, tailSource: rest, tailFailed: false, tailPending: '', reset };
  }

  private continues(text: string): boolean {
    const { at, raw } = this.anchor;
    return text.length >= this.consumed && (!raw || text.startsWith(raw, at));
  }

  private clear(): void {
    this.lastTail = { consumed: -1, text: '', html: '' };
    this.blocks = [];
    this.consumed = 0;
    this.anchor = { at: 0, raw: '' };
    this.links = newLinkMap();
  }

  private settle(chunk: string, changed: number[]): void {
    const known = new Set(Object.keys(this.links));
    let tokens: Token[];
    try {
      tokens = lex(chunk, this.links);
    } catch {
      // The whole chunk is one raw block: lexing gives no finer cut.
      this.anchor = { at: this.consumed, raw: chunk };
      changed.push(this.blocks.length);
      this.blocks.push({ raw: chunk, html: '', failed: true });
      this.consumed += chunk.length;
      return;
    }
    const labels = Object.keys(this.links).filter((label) => !known.has(label));
    if (labels.length) this.rerenderReferencing(labels, changed);
    let at = this.consumed;
    for (const token of tokens) {
      this.anchor = { at, raw: token.raw };
      at += token.raw.length;
      if (token.type === 'space' || token.type === 'def') continue;
      changed.push(this.blocks.length);
      this.blocks.push(render(token.raw, () => toHtml([token])));
    }
    this.consumed += chunk.length;
  }

  /** A definition that arrives late changes earlier blocks that use its label. */
  private rerenderReferencing(labels: string[], changed: number[]): void {
    const patterns = labels.map(labelPattern);
    this.blocks.forEach((block, i) => {
      if (!patterns.some((p) => p.test(block.raw))) return;
      this.blocks[i] = render(block.raw, () => toHtml(lex(block.raw, this.links)));
      changed.push(i);
    });
  }
}

/** A block from its HTML, or a failed block when building the HTML throws. */
function render(raw: string, html: () => string): Block {
  try {
    return { raw, html: html() };
  } catch {
    return { raw, html: '', failed: true };
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
