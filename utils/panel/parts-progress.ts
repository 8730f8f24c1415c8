// The progress of the panel's one summary-in-parts, for the progress line: a tiny store, since the run
// lives outside Preact (it is started through the same door as a normal question).

/** A summary of the page, or the answer to a question (the wording of the progress line differs). */
export type PartsKind = 'summary' | 'answer';

/** `waitUntil`: backing off after a 429 until then (ms epoch). */
export type PartsProgress = { kind: PartsKind; waitUntil?: number } & PartsPhase;

type PartsPhase =
  /** Part `part` of `of` is being read; `done` parts have notes. */
  | { phase: 'parts'; part: number; of: number; done: number }
  /** The notes are too long to read at once: group `group` of `of` is being merged (a reduce in stages). */
  | { phase: 'condense'; group: number; of: number }
  /** Every part has notes; the final answer is being written. */
  | { phase: 'combine'; of: number };

type Listener = (p: PartsProgress | null) => void;

let current: PartsProgress | null = null;
const listeners = new Set<Listener>();

export function setPartsProgress(p: PartsProgress | null): void {
  current = p;
  for (const l of listeners) l(p);
}

export const partsProgress = (): PartsProgress | null => current;

export function onPartsProgress(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
