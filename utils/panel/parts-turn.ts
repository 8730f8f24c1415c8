// A new turn for a question that is read in parts, or that can't be sent because the page does not fit.
import type { AskMode } from '../messaging/types';
import type { KimiFailure } from '../kimi/types';
import { addTurn, updateTurn, type Conversation, type Turn } from './conversation';

/**
 * The question's turn: marked `inParts` when read in parts (carrying it on reads in parts again), or settled
 * at once as an error when the page is too long to send whole, so the question stays in the conversation
 * with why nothing was sent and what the user can do (a larger model, or reading in parts).
 */
export function addPartsTurn(conv: Conversation, mode: AskMode, question: string, inParts: boolean, tooLong: KimiFailure | null): [Conversation, Turn] {
  const [next, turn] = addTurn(conv, mode, question);
  const patch: Partial<Turn> | null = tooLong ? { status: 'error', failure: tooLong } : inParts ? { inParts: true } : null;
  if (!patch) return [next, turn];
  const marked = { ...turn, ...patch };
  return [updateTurn(next, turn.id, () => patch), marked];
}
