// The estimated tokens of a conversation's history, as the next question will send it.
import { estimateTokens } from '../kimi/tokens';
import type { Turn } from './conversation';

/**
 * A settled turn never changes again, and updates replace only the turn they touch: each settled turn is estimated
 * once, so a streaming answer's deltas cost a lookup per turn instead of estimating the whole history again.
 */
const settled = new WeakMap<Turn, number>();

const turnTokens = (turn: Turn): number => {
  let n = settled.get(turn);
  if (n === undefined) {
    n = estimateTokens(turn.question) + estimateTokens(turn.answer);
    settled.set(turn, n);
  }
  return n;
};

/** Tokens of the settled turns; a turn still streaming joins the history once it ends. */
export const historyTokens = (turns: readonly Turn[]): number => turns.reduce((n, turn) => (turn.status === 'streaming' ? n : n + turnTokens(turn)), 0);
