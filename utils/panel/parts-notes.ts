/**
 * The notes a run in parts takes: one per part, kept in part order with the part's number and source, so
 * they can be shown when a run ends early, joined for the final request, or grouped for a reduce in stages
 * when they are too many to fit at once.
 */
import { estimateTokens } from '../kimi/tokens';
import { FIELD_LIMITS, oneLine } from '../kimi/prompt-safe';
import { splitIntoParts } from './parts';
import { NOTHING_RELEVANT, notesHeading } from './parts-prompt';

export interface Note {
  /** 1-based part number (for stage notes: the first part they cover). */
  part: number;
  /** The last part the note covers (a stage note covers several). */
  last: number;
  source: number;
  text: string;
}

/**
 * Whether a part's notes say only that nothing in it bears on the question: the agreed phrase, maybe
 * bulleted, bolded or ending in a full stop. Read by plain string steps (model output is never given to a
 * regex that could backtrack), and only a short answer counts, so notes that merely mention it stay notes.
 */
export function saysNothing(note: string): boolean {
  const text = note.trim();
  if (text.length > NOTHING_RELEVANT.length + 12) return false;
  let from = 0;
  let to = text.length;
  const junk = '-*•_#>. \n"“”「」。';
  while (from < to && junk.includes(text[from])) from++;
  while (to > from && junk.includes(text[to - 1])) to--;
  return text.slice(from, to).toUpperCase() === NOTHING_RELEVANT;
}

/** The notes as the "page" of a request: each under its part's heading (and its source's label when there are several). */
export function joinNotes(notes: Note[], total: number, labels: string[]): string {
  return notes
    .map((n) => {
      const label = labels.length > 1 ? ` — ${oneLine(labels[n.source] ?? '', FIELD_LIMITS.title)}` : '';
      return `${notesHeading(n.part, total, n.last)}${label}\n\n${n.text.trim()}`;
    })
    .join('\n\n');
}

export const notesTokens = (notes: Note[], total: number, labels: string[]) => estimateTokens(joinNotes(notes, total, labels));

/**
 * Consecutive notes grouped so that each group fits `budget` tokens, for one condensing request each. A single
 * note bigger than that is cut between its blocks into pieces of its own, so no group is ever over budget.
 */
export function groupNotes(notes: Note[], budget: number, total: number, labels: string[]): Note[][] {
  const groups: Note[][] = [];
  let current: Note[] = [];
  for (const note of notes) {
    const pieces = notesTokens([note], total, labels) > budget ? splitIntoParts(note.text, budget * 0.9).map((text) => ({ ...note, text })) : [note];
    for (const piece of pieces) {
      // A stage note stands for one source, so its heading can still name it.
      if (current.length && (current[0].source !== piece.source || notesTokens([...current, piece], total, labels) > budget)) {
        groups.push(current);
        current = [];
      }
      current.push(piece);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}
