/**
 * How conversations are stored (storage.local, one key per conversation so
 * two panels never write the same key). Versioned: `migrateConversation`
 * brings any older record up to date, or drops what it cannot read.
 */
import type { Conversation, Turn } from '../panel/conversation';
import { cleanTurnFiles } from './turn-files';
import { boundQuote } from '../citations/bounded-quote';
import { parseChoice } from '../kimi/choice';
import type { SourceLink } from '../panel/conversation';
import type { SourceTab } from '../citations/types';

/** A stored title or address is data like any other: bounded, and the list too. */
const MAX_SOURCES = 50;
const MAX_TITLE = 300;
const MAX_URL = 2048;

/**
 * 1: the first shape. 2: a turn may carry `files` (name, kind, size, whether its text is kept; the texts
 * themselves are stored beside the conversation, utils/history/file-texts.ts). 3: a cited source keeps a
 * short quote (utils/citations/bounded-quote.ts), not the whole passage; older records are cut on load.
 * 4: a conversation may carry `sources` (the tabs its questions were about: title and address), and a cited
 * source the other tab it came from (`tab`); a version 3 record has neither.
 */
export const CONVERSATION_VERSION = 4;
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

/** Brings a stored record of any known version up to CONVERSATION_VERSION; null for what can't be read (or a newer version). */
export function migrateConversation(raw: unknown): StoredConversation | null {
  const r = raw as (Omit<Partial<StoredConversation>, 'v'> & { v?: unknown }) | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !Array.isArray(r.turns)) return null;
  if (r.v !== 1 && r.v !== 2 && r.v !== 3 && r.v !== CONVERSATION_VERSION) return null;
  // 1 → 2 adds nothing but the optional `files`: a version 1 turn has none.
  const turns = r.turns.filter(isTurn).map((t) => {
    const { files: rawFiles, ...rest } = t;
    const files = r.v === 1 ? undefined : cleanTurnFiles(rawFiles);
    return { ...rest, reasoning: t.reasoning ?? '', sources: cleanSources(t.sources), ...(files ? { files } : {}) };
  });
  // The panel's choice (optional, any version may carry it) is read like any input from storage: field by field.
  const { choice: rawChoice, sources: rawSources, ...record } = r as typeof r & { choice?: unknown; sources?: unknown };
  const choice = parseChoice(rawChoice);
  // 3 → 4 adds nothing but the optional `sources`: read field by field, like the choice.
  const sources = r.v === CONVERSATION_VERSION ? cleanLinks(rawSources) : undefined;
  return { ...record, v: CONVERSATION_VERSION, turns, ...(choice ? { choice } : {}), ...(sources ? { sources } : {}) } as StoredConversation;
}

const isLink = (v: unknown): v is SourceLink => {
  const l = v as SourceLink | null;
  return !!l && typeof l.title === 'string' && typeof l.url === 'string' && l.title.length <= MAX_TITLE && l.url.length <= MAX_URL;
};

function cleanLinks(raw: unknown): SourceLink[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const links = raw
    .filter(isLink)
    .slice(0, MAX_SOURCES)
    .map(({ title, url }) => ({ title, url }));
  return links.length ? links : undefined;
}

function cleanTab(raw: unknown): SourceTab | undefined {
  const t = raw as SourceTab | null;
  return isLink(t) && typeof t.tabId === 'number' && Number.isInteger(t.tabId) ? { tabId: t.tabId, title: t.title, url: t.url } : undefined;
}

/**
 * Saved citation sources, keeping only well-formed entries (a damaged record must not break the panel), each
 * quote bounded: that is the whole 2 → 3 migration, and it costs nothing on a record already at 3.
 */
function cleanSources(raw: unknown): Turn['sources'] {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: NonNullable<Turn['sources']> = {};
  for (const [n, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = v as { quote?: unknown; at?: unknown; page?: unknown; tab?: unknown };
    if (!/^\d{1,5}$/.test(n) || typeof s?.quote !== 'string' || typeof s.at !== 'number') continue;
    const tab = cleanTab(s.tab);
    out[n] = { quote: boundQuote(s.quote), at: s.at, ...(typeof s.page === 'number' ? { page: s.page } : {}), ...(tab ? { tab } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
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
