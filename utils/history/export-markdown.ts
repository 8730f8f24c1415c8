import type { StoredConversation } from './schema';

/** A conversation as a Markdown document the user can keep or share. */
export function conversationToMarkdown(c: StoredConversation, labels: { question: string; answer: string; source: string }): string {
  const lines = [`# ${c.name || c.title || c.url}`, '', `${labels.source}: <${c.url}>`, ''];
  for (const turn of c.turns) {
    lines.push(`## ${labels.question}`, '', turn.question || turn.mode, '', `## ${labels.answer}`, '', turn.answer.trim(), '');
    // The passages the answer cited, so its [Pn] markers still say something in the file.
    const cited = Object.entries(turn.sources ?? {}).sort(([a], [b]) => Number(a) - Number(b));
    for (const [n, s] of cited) lines.push(`> [P${n}]${s.page ? ` (p. ${s.page})` : ''} ${s.quote.replace(/\s+/g, ' ')}`, '');
  }
  return lines.join('\n');
}
