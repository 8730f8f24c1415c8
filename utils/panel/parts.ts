/**
 * Cutting a page that does not fit the model into parts that do, for
 * summarising in parts. Cuts fall between blocks (paragraphs, lists, code
 * fences), preferably before a heading; a block too big for one part is cut
 * between sentences, then lines, and only as a last resort mid-text.
 */
import { estimateTokens } from '../kimi/tokens';

/** Markdown-like text → blocks separated by blank lines; a fenced code block stays one block. */
export function textBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current.some((l) => l.trim())) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && !line.trim()) flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

const isHeading = (block: string) => /^#{1,6}\s/.test(block);

/** Pieces of one oversized block, each within `max` tokens. */
function cutBlock(block: string, max: number): string[] {
  // Zero-width cuts after sentence ends (then line ends), so no character is lost or added.
  for (const re of [/(?<=[.!?…][)"'”’]?\s)|(?<=[。！？][)"'”’」』]?)(?=\S)/u, /(?<=\n)/]) {
    const pieces = block.split(re).filter((p) => p.trim());
    if (pieces.length > 1) return pack(pieces, max);
  }
  // One endless "sentence" (minified code, a table row): cut by characters as a last resort.
  const out: string[] = [];
  const perToken = Math.max(1, Math.floor(block.length / Math.max(1, estimateTokens(block))));
  const step = Math.max(1, max * perToken);
  for (let i = 0; i < block.length; i += step) out.push(block.slice(i, i + step));
  return out;
}

/** Greedy packing of consecutive pieces into chunks of at most `max` tokens (a piece bigger than that is cut first). */
function pack(pieces: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const piece of pieces) {
    const t = estimateTokens(piece);
    if (t > max) {
      if (current) out.push(current.trimEnd());
      current = '';
      size = 0;
      out.push(...cutBlock(piece, max));
      continue;
    }
    if (current && size + t > max) {
      out.push(current.trimEnd());
      current = '';
      size = 0;
    }
    current += piece;
    size += t + 1;
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

/**
 * The page text as parts of at most `maxTokens` each, about equal in size
 * (so the last part is not a scrap), in page order, with nothing dropped.
 */
export function splitIntoParts(text: string, maxTokens: number): string[] {
  const max = Math.max(50, Math.floor(maxTokens));
  const total = estimateTokens(text);
  if (total <= max) return text.trim() ? [text.trim()] : [];
  const count = Math.ceil(total / max);
  // Aim a little above the even share so rounding does not add a tiny extra part.
  const target = Math.min(max, Math.ceil((total / count) * 1.08));
  const blocks = textBlocks(text).flatMap((b) => (estimateTokens(b) > max ? cutBlock(b, max) : [b]));
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const block of blocks) {
    const t = estimateTokens(block) + 1;
    // A heading is a good place to cut once the part is well filled; otherwise cut when it would overflow.
    const full = size + t > target;
    const niceCut = isHeading(block) && size > target * 0.8;
    if (current.length && (full || niceCut)) {
      parts.push(current.join('\n\n'));
      current = [];
      size = 0;
    }
    current.push(block);
    size += t;
  }
  if (current.length) parts.push(current.join('\n\n'));
  return parts;
}
