// The default answer: deterministic Markdown that shows what the simulator received, so demos look real
// and tests can assert that the page text and the question reached the API.

type Msg = { role?: unknown; content?: unknown };

/** Text of a message: a string content, or the text parts of an array content joined with "\n". */
export function messageText(m: Msg): string {
  if (typeof m.content === 'string') return m.content;
  if (!Array.isArray(m.content)) return '';
  return m.content
    .map((p: { type?: string; text?: unknown }) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join('\n');
}

function countParts(messages: Msg[], type: string): number {
  let n = 0;
  for (const m of messages) {
    if (Array.isArray(m.content)) n += m.content.filter((p: { type?: string }) => p?.type === type).length;
  }
  return n;
}

/** First 80 characters of the question on one line, with an ellipsis when cut. */
export function quoteQuestion(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > 80 ? chars.slice(0, 80).join('') + '…' : flat;
}

export interface AnswerInput {
  model: string;
  /** The conversation without a trailing Partial Mode message, so a continuation repeats the same answer. */
  messages: Msg[];
  json: boolean;
}

/**
 * "Characters of page text" = the sum of the JS string lengths (UTF-16 units) of all system messages' text.
 * Lines about images and tool results appear only when there are any.
 */
export function defaultAnswer(input: AnswerInput): string {
  const { messages } = input;
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const question = quoteQuestion(lastUser ? messageText(lastUser) : '');
  const systemChars = messages.filter((m) => m.role === 'system').reduce((n, m) => n + messageText(m).length, 0);
  const images = countParts(messages, 'image_url');
  const toolResults = messages.filter((m) => m.role === 'tool').length;
  if (input.json) {
    return JSON.stringify({ question, system_characters: systemChars, model: input.model, messages: messages.length });
  }
  const lines = [
    '## Answer',
    '',
    `You asked: “${question}”.`,
    '',
    `I read ${systemChars.toLocaleString('en-US')} characters of page text.`,
    '',
    `- Model: \`${input.model}\``,
    `- Messages received: ${messages.length}`,
  ];
  if (images) lines.push(`- Images received: ${images}`);
  if (toolResults) lines.push(`- Tool results received: ${toolResults}`);
  return lines.join('\n');
}
