import type { StoredConversation } from './schema';

/** Invisible, and not whitespace to any Markdown or HTML parser: after `<` no tag or autolink can start, after `]` no link. */
const ZWSP = '\u200b';

/**
 * Page, question and answer text made inert for any Markdown viewer: no raw HTML, autolink, link, image or
 * reference definition can form, so opening the file loads and runs nothing. The text reads the same; code
 * blocks too (deciding what is code would have to match every viewer's parser exactly, and a wrong guess
 * would leave HTML live, so the rule applies everywhere). One linear pass.
 */
export function inertMarkdown(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out += c;
    if (c === '<' || (c === '!' && text[i + 1] === '[')) out += ZWSP;
    else if (c === ']') {
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '(' || text[j] === '[' || text[j] === ':') out += ZWSP;
    }
  }
  return out;
}

/** A heading or label: one line, inert. */
const inertLine = (text: string) => inertMarkdown(text.replace(/\s+/g, ' ').trim());

/** The page's address as a link only when it is plain http(s); anything else (data:, javascript:…) as inert text. */
function addressOf(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : inertLine(url);
}

/** A conversation as a Markdown document the user can keep or share. */
export function conversationToMarkdown(c: StoredConversation, labels: { question: string; answer: string; source: string; sources?: string }): string {
  const lines = [`# ${inertLine(c.name || c.title || c.url)}`, '', `${labels.source}: ${addressOf(c.url)}`, ''];
  // Every tab its questions were about, when there were others than the bound one.
  if (c.sources?.length)
    lines.push(`${labels.sources ?? 'Sources'}:`, '', ...c.sources.map((s) => `- ${inertLine(s.title || s.url)} — ${addressOf(s.url)}`), '');
  for (const turn of c.turns) {
    lines.push(`## ${labels.question}`, '', inertMarkdown(turn.question || turn.mode), '', `## ${labels.answer}`, '', inertMarkdown(turn.answer.trim()), '');
    // The passages the answer cited, so its [Pn] markers still say something in the file.
    const cited = Object.entries(turn.sources ?? {}).sort(([a], [b]) => Number(a) - Number(b));
    for (const [n, s] of cited)
      lines.push(`> [P${n}]${s.page ? ` (p. ${s.page})` : ''}${s.tab ? ` (${inertLine(s.tab.title || s.tab.url)})` : ''} ${inertLine(s.quote)}`, '');
  }
  return lines.join('\n');
}
