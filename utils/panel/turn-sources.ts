import type { CitedSource, Passage } from '../citations/types';
import { citedNumbers } from '../citations/markers';
import type { Turn } from './conversation';
import { boundQuote } from '../citations/bounded-quote';

/**
 * The passages each answer could cite. The whole list lives only in the panel's
 * memory while the answer is on screen (it is the page again, too big to save
 * with every turn); what the answer actually cited is saved with the turn.
 */
const live = new Map<string, Passage[] | (() => Passage[])>();

/** The list, cut from the page text the first time it is needed (not while the question is being sent). */
function passagesOf(turnId: string): Passage[] | undefined {
  const entry = live.get(turnId);
  if (typeof entry !== 'function') return entry;
  const list = entry();
  live.set(turnId, list);
  return list;
}

/** Lists kept in memory; older turns link from their saved sources (a list is the size of the page). */
const LIVE_LIMIT = 8;

export function rememberPassages(turnId: string, passages: Passage[] | (() => Passage[])): void {
  live.delete(turnId);
  live.set(turnId, passages);
  // Only settled turns are this old, and they have saved what they cited.
  while (live.size > LIVE_LIMIT) live.delete(live.keys().next().value!);
}

export function forgetPassages(turnId: string): void {
  live.delete(turnId);
}

/** The passages `answer` cites, as saved with the turn: where each is and a short quote, not the passage. */
export function citedSources(answer: string, passages: Passage[]): Record<string, CitedSource> {
  const out: Record<string, CitedSource> = {};
  for (const n of citedNumbers(answer)) {
    const p = passages[n - 1];
    if (p) out[n] = { quote: boundQuote(p.quote), at: p.at, ...(p.page ? { page: p.page } : {}), ...(p.tab ? { tab: p.tab } : {}) };
  }
  return out;
}

/** The sources to save when `turn` settles, or undefined when it cited nothing we know. */
export function settleSources(turn: Turn): Record<string, CitedSource> | undefined {
  const passages = passagesOf(turn.id);
  if (!passages) return turn.sources;
  const found = citedSources(turn.answer, passages);
  return Object.keys(found).length ? { ...turn.sources, ...found } : turn.sources;
}

/** Passage `n` of this turn: from memory while the page's list is known, else as saved. */
export function sourceOf(turn: Turn, n: number): CitedSource | undefined {
  const p = passagesOf(turn.id)?.[n - 1];
  if (p) return { quote: p.quote, at: p.at, ...(p.page ? { page: p.page } : {}), ...(p.tab ? { tab: p.tab } : {}) };
  return turn.sources?.[n];
}
