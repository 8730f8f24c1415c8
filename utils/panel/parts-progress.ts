// The progress of the panel's one summary-in-parts, for the progress line: a tiny store, since the run
// lives outside Preact (it is started through the same door as a normal question).

export type PartsProgress =
  /** Part `part` of `of` is being read; `done` parts have notes. `waitUntil`: backing off after a 429 until then (ms epoch). */
  | { phase: 'parts'; part: number; of: number; done: number; waitUntil?: number }
  /** Every part has notes; the final answer is being written. */
  | { phase: 'combine'; of: number; waitUntil?: number };

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
