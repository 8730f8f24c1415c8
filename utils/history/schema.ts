/**
 * How conversations are stored (storage.local, one key per conversation so
 * two panels never write the same key). Versioned: `migrateConversation`
 * brings any older record up to date, or drops what it cannot read.
 */
import type { Conversation, Turn } from '../panel/conversation';

export const CONVERSATION_VERSION = 1;
export const CONVERSATION_PREFIX = 'conv:';

export interface StoredConversation extends Conversation {
  v: typeof CONVERSATION_VERSION;
  url: string;
  title: string;
  /** A name the user gave it; the page title otherwise. */
  name?: string;
  tabId?: number;
  createdAt: number;
  updatedAt: number;
}

export type ConversationMeta = Omit<StoredConversation, 'turns'> & { turnCount: number; preview: string };

const isTurn = (t: unknown): t is Turn => {
  const x = t as Turn;
  return !!x && typeof x.id === 'string' && typeof x.question === 'string' && typeof x.answer === 'string';
};

export function migrateConversation(raw: unknown): StoredConversation | null {
  const r = raw as Partial<StoredConversation> | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !Array.isArray(r.turns)) return null;
  if (r.v !== CONVERSATION_VERSION) return null; // no older versions exist yet
  return { ...r, turns: r.turns.filter(isTurn).map((t) => ({ ...t, reasoning: t.reasoning ?? '' })) } as StoredConversation;
}

export function metaOf(c: StoredConversation): ConversationMeta {
  const { turns, ...rest } = c;
  const last = turns.at(-1);
  return { ...rest, turnCount: turns.length, preview: (last?.answer || last?.question || '').slice(0, 140) };
}

/** A conversation loaded in a new panel can't still be streaming: mark it so Continue is offered. */
export function settleInterrupted(c: StoredConversation): StoredConversation {
  if (!c.turns.some((t) => t.status === 'streaming')) return c;
  return { ...c, turns: c.turns.map((t) => (t.status === 'streaming' ? { ...t, status: 'stopped' as const, interrupted: true } : t)) };
}
