import type { ConversationMeta } from './schema';

/** Case-insensitive match on every word of the query against name, title, URL and preview. */
export function searchConversations(list: ConversationMeta[], query: string): ConversationMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((c) => {
    const hay = `${c.name ?? ''} ${c.title} ${c.url} ${c.preview}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
