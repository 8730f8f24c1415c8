// The simulator's token rule (no real tokenizer; only the same rule everywhere matters):
//   text: every CJK/Hangul/kana/full-width character = 1 token, every other character = 1/4 token, rounded up;
//   message: 4 tokens overhead + its text (content, name, reasoning_content, tool_calls JSON);
//   image part: 1024 tokens; video part: 4096 tokens; tools: the text rule applied to JSON.stringify(tools).

export const IMAGE_TOKENS = 1024;
export const VIDEO_TOKENS = 4096;
const MESSAGE_OVERHEAD = 4;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x11ff) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, kana, CJK ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0x20000 && code <= 0x3134f) // CJK extensions B–G
  );
}

interface Count {
  wide: number;
  other: number;
}

const tokensOf = (c: Count) => c.wide + Math.ceil(c.other / 4);

export function textTokens(text: string): number {
  const c: Count = { wide: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (isWide(code)) c.wide++;
    else c.other++;
  }
  return tokensOf(c);
}

/** The longest prefix of `text` that fits `budget` tokens under the rule above. */
export function cutToTokens(text: string, budget: number): { text: string; cut: boolean } {
  const c: Count = { wide: 0, other: 0 };
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (isWide(code)) c.wide++;
    else c.other++;
    if (tokensOf(c) > budget) return { text: text.slice(0, i), cut: true };
    i += code > 0xffff ? 2 : 1;
  }
  return { text, cut: false };
}

type Part = { type?: string; text?: unknown };

export function messageTokens(message: unknown): number {
  if (!message || typeof message !== 'object') return MESSAGE_OVERHEAD;
  const m = message as Record<string, unknown>;
  let n = MESSAGE_OVERHEAD;
  if (typeof m.content === 'string') n += textTokens(m.content);
  else if (Array.isArray(m.content)) {
    for (const p of m.content as Part[]) {
      if (p?.type === 'image_url') n += IMAGE_TOKENS;
      else if (p?.type === 'video_url') n += VIDEO_TOKENS;
      else if (typeof p?.text === 'string') n += textTokens(p.text);
    }
  }
  for (const k of ['name', 'reasoning_content'] as const) {
    if (typeof m[k] === 'string') n += textTokens(m[k] as string);
  }
  if (m.tool_calls) n += textTokens(JSON.stringify(m.tool_calls));
  return n;
}

/** Prompt tokens of a chat-shaped body ({messages, tools?}); also the estimate endpoint's answer. */
export function promptTokens(body: { messages?: unknown; tools?: unknown }): number {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  let n = 0;
  for (const m of messages) n += messageTokens(m);
  if (Array.isArray(body.tools) && body.tools.length) n += textTokens(JSON.stringify(body.tools));
  return n;
}
