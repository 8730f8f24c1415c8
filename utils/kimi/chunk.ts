import type { FinishReason, Usage } from './types';

/** What one `data:` JSON object of a chat stream says, with Kimi's quirks ironed out. */
export interface ParsedChunk {
  content?: string;
  reasoning?: string;
  usage?: Usage;
  finishReason?: FinishReason;
  /** Streamed tool-call pieces (first: index, id, name; then argument fragments), or whole calls of a non-stream answer. */
  toolCalls?: ToolCallPiece[];
  error?: { type?: string; message?: string };
}

export interface ToolCallPiece {
  /** Missing on some gateways: then pieces are matched by position. */
  index?: number;
  id?: string;
  name?: string;
  arguments?: string;
}

function toolPieces(raw: unknown): ToolCallPiece[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: ToolCallPiece[] = [];
  for (const item of raw) {
    if (!isObj(item)) continue;
    const fn = isObj(item.function) ? item.function : {};
    const piece: ToolCallPiece = {};
    if (typeof item.index === 'number') piece.index = item.index;
    if (typeof item.id === 'string' && item.id) piece.id = item.id;
    if (typeof fn.name === 'string' && fn.name) piece.name = fn.name;
    if (typeof fn.arguments === 'string') piece.arguments = fn.arguments;
    out.push(piece);
  }
  return out.length ? out : undefined;
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
    const calls = toolPieces(delta.tool_calls);
    if (calls) out.toolCalls = calls;
    out.usage = parseUsage(choice.usage);
  }
  out.usage ??= parseUsage(json.usage);
  if (!out.usage) delete out.usage;
  return out;
}
