import type { FinishReason, Usage } from '../messaging/types';

/** What one `data:` JSON object of a chat stream says, with Kimi's quirks ironed out. */
export interface ParsedChunk {
  content?: string;
  reasoning?: string;
  usage?: Usage;
  finishReason?: FinishReason;
  error?: { type?: string; message?: string };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Kimi puts `cached_tokens` at the top of usage; newer answers also copy it OpenAI-style. */
export function parseUsage(raw: unknown): Usage | undefined {
  if (!isObj(raw)) return undefined;
  const details = isObj(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  return {
    promptTokens: num(raw.prompt_tokens),
    completionTokens: num(raw.completion_tokens),
    cachedTokens: num(raw.cached_tokens) || num(details.cached_tokens),
  };
}

export function parseChunk(json: unknown): ParsedChunk {
  if (!isObj(json)) return {};
  if (json.error !== undefined && json.error !== null) {
    const e = json.error;
    if (typeof e === 'string') return { error: { message: e } };
    const o = isObj(e) ? e : {};
    return {
      error: {
        ...(typeof o.type === 'string' ? { type: o.type } : {}),
        ...(typeof o.message === 'string' ? { message: o.message } : {}),
      },
    };
  }
  const out: ParsedChunk = {};
  // The trailing usage chunk has `choices: []`: never assume choices[0] exists.
  const choices = Array.isArray(json.choices) ? json.choices.filter(isObj) : [];
  const choice = choices.find((c) => (c.index ?? 0) === 0);
  if (choice) {
    const delta = isObj(choice.delta) ? choice.delta : isObj(choice.message) ? choice.message : {};
    if (typeof delta.content === 'string' && delta.content) out.content = delta.content;
    if (typeof delta.reasoning_content === 'string' && delta.reasoning_content) out.reasoning = delta.reasoning_content;
    if (typeof choice.finish_reason === 'string' && choice.finish_reason) out.finishReason = choice.finish_reason;
    out.usage = parseUsage(choice.usage);
  }
  out.usage ??= parseUsage(json.usage);
  if (!out.usage) delete out.usage;
  return out;
}
