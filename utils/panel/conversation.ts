/**
 * The panel's conversation state as pure functions, so every transition is
 * unit-tested without a browser. One conversation per bound tab.
 */
import type { AskMode } from '../messaging/types';
import type { AskChoice, ChatTurn, FinishReason, KimiFailure, ToolUse, Usage } from '../kimi/types';
import type { TurnFile } from '../history/turn-files';
import type { CitedSource } from '../citations/types';

export type TurnStatus = 'streaming' | 'done' | 'stopped' | 'error';

export interface Turn {
  id: string;
  mode: AskMode;
  question: string;
  answer: string;
  reasoning: string;
  status: TurnStatus;
  model?: string;
  finishReason?: FinishReason;
  usage?: Usage;
  failure?: KimiFailure;
  /** The answer stopped because the panel, the worker or the browser went away. */
  interrupted?: boolean;
  /** Tools the answer used (calculator, web search). */
  tools?: ToolUse[];
  /** The page passages the answer cited, by number, kept so its links work after the panel reopens. */
  sources?: Record<string, CitedSource>;
  /** Files attached to the question (utils/panel/document-history.ts). */
  files?: TurnFile[];
  /** Read in parts (utils/panel/map-reduce.ts): carrying on reads it in parts again, since the whole page does not fit. */
  inParts?: true;
  /** Asked about a video with no transcript read: the answer comes from its title and description only, and says so. */
  titleOnly?: true;
}

/** A tab a conversation's questions were about (the bound one and any added), as history shows and exports it. */
export interface SourceLink {
  title: string;
  url: string;
}

export interface Conversation {
  id: string;
  turns: Turn[];
  /** The tabs its questions were about, when more than the bound tab (utils/panel/tab-ask.ts), in the order first asked. */
  sources?: SourceLink[];
  /** The model, thinking and web search chosen in the panel for this conversation's next questions. */
  choice?: AskChoice;
}

let counter = 0;
export const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const emptyConversation = (): Conversation => ({ id: newId('conv'), turns: [] });

export function addTurn(conv: Conversation, mode: AskMode, question: string): [Conversation, Turn] {
  const turn: Turn = { id: newId('turn'), mode, question, answer: '', reasoning: '', status: 'streaming' };
  return [{ ...conv, turns: [...conv.turns, turn] }, turn];
}

/** Marks a new turn about a video read from its title and description only. */
export function markTitleOnly([conv, turn]: [Conversation, Turn], titleOnly: boolean | undefined): [Conversation, Turn] {
  if (!titleOnly) return [conv, turn];
  const marked: Turn = { ...turn, titleOnly: true };
  return [{ ...conv, turns: conv.turns.map((t) => (t.id === turn.id ? marked : t)) }, marked];
}

export function updateTurn(conv: Conversation, id: string, patch: (t: Turn) => Partial<Turn>): Conversation {
  return { ...conv, turns: conv.turns.map((t) => (t.id === id ? { ...t, ...patch(t) } : t)) };
}

export const appendDelta = (conv: Conversation, id: string, content = '', reasoning = '') =>
  updateTurn(conv, id, (t) => ({ answer: t.answer + content, reasoning: t.reasoning + reasoning }));

/** History to send with a new question: completed turns before `beforeId`, with their answers so far. */
export function historyBefore(conv: Conversation, beforeId: string): ChatTurn[] {
  const history: ChatTurn[] = [];
  for (const turn of conv.turns) {
    if (turn.id === beforeId) break;
    if (!turn.answer.trim()) continue;
    history.push({ role: 'user', content: turn.question || turn.mode });
    history.push({ role: 'assistant', content: turn.answer });
  }
  return history;
}

/** Whether the answer was cut short and can be continued with Partial Mode. */
export function canContinue(turn: Turn): boolean {
  if (!turn.answer) return false;
  if (turn.status === 'stopped') return true;
  if (turn.status === 'done') return turn.finishReason === 'length';
  return turn.status === 'error' && turn.failure?.kind === 'incomplete';
}
