import type { StoredConversation } from './schema';

/** A conversation as a Markdown document the user can keep or share. */
export function conversationToMarkdown(c: StoredConversation, labels: { question: string; answer: string; source: string }): string {
  const lines = [`# ${c.name || c.title || c.url}`, '', `${labels.source}: <${c.url}>`, ''];
  for (const turn of c.turns) {
    lines.push(`## ${labels.question}`, '', turn.question || turn.mode, '', `## ${labels.answer}`, '', turn.answer.trim(), '');
  }
  return lines.join('\n');
}
