// Request checks for POST /v1/chat/completions, following kimi-api.md §2.1, §5, §8, §11.
// Messages marked "documented" copy the documented wording; the others are the simulator's own.
import { contextOf, defaultMaxTokens, familyOf, supportsImages } from './models';
import type { SimState } from './state';
import { promptTokens } from './tokens';
import type { SimModel } from './types';

export interface ApiError {
  status: number;
  type: string;
  message: string;
}

export interface ValidChat {
  model: SimModel;
  messages: Record<string, unknown>[];
  thinkingOn: boolean;
  maxTokens: number;
  promptTokens: number;
}

const bad = (message: string): ApiError => ({ status: 400, type: 'invalid_request_error', message });
const ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const IMAGE_MIME = /^data:image\/(png|jpeg|jpg|webp|gif);base64,/;
const VIDEO_MIME = /^data:video\/(mp4|mpeg|mov|quicktime|avi|x-flv|mpg|webm|wmv|3gpp);base64,/;
const given = (v: unknown) => v !== undefined && v !== null;

function isEmpty(content: unknown): boolean {
  return content === undefined || content === null || content === '' || (Array.isArray(content) && content.length === 0);
}

function checkMedia(state: SimState, model: SimModel, part: Record<string, unknown>): ApiError | null {
  const kind = part.type === 'image_url' ? 'image' : 'video';
  const raw = part[`${kind}_url`];
  const url = typeof raw === 'string' ? raw : (raw as { url?: unknown } | undefined)?.url;
  const supported = kind === 'image' ? supportsImages(model) : model.supports_video_in === true;
  if (!supported) return bad(`Invalid request: ${kind} input is not supported by model ${model.id}`);
  if (typeof url !== 'string') return bad(`Invalid request: unsupported ${kind} url`);
  if (url.startsWith('ms://')) {
    return state.files.has(url.slice(5)) ? null : bad(`Invalid request: file ${url.slice(5)} not found`);
  }
  if (!url.startsWith('data:')) return bad(`Invalid request: unsupported ${kind} url`); // documented: no http(s) URLs
  if (!(kind === 'image' ? IMAGE_MIME : VIDEO_MIME).test(url)) {
    const mime = /^data:([^;,]*)/.exec(url)?.[1] ?? '';
    return bad(`Invalid request: unsupported ${kind} format: ${mime}`); // documented form
  }
  return null;
}

function checkMessages(state: SimState, model: SimModel, messages: unknown[], thinkingOn: boolean): ApiError | null {
  const callIds = new Set<string>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as Record<string, unknown> | null;
    if (!m || typeof m !== 'object' || !ROLES.has(m.role as string)) {
      return bad(`Invalid request: unknown role ${JSON.stringify(m?.role)} of the message at index ${i}`);
    }
    const calls = Array.isArray(m.tool_calls) ? (m.tool_calls as { id?: string }[]) : [];
    if (isEmpty(m.content) && !(m.role === 'assistant' && calls.length)) {
      return bad(`Invalid request: the message at index ${i} with role ${m.role} must not be empty`);
    }
    if (m.partial === true && (m.role !== 'assistant' || i !== messages.length - 1)) {
      return bad('Invalid request: partial is only allowed on the last message, with role assistant');
    }
    if (Array.isArray(m.content)) {
      for (const part of m.content as Record<string, unknown>[]) {
        if (part?.type === 'image_url' || part?.type === 'video_url') {
          const err = checkMedia(state, model, part);
          if (err) return err;
        }
      }
    }
    if (calls.length && thinkingOn && typeof m.reasoning_content !== 'string') {
      return bad(`thinking is enabled but reasoning_content is missing in assistant tool call message at index ${i}`);
    }
    for (const c of calls) if (c?.id) callIds.add(c.id);
    if (m.role === 'tool' && !callIds.has(m.tool_call_id as string)) {
      return bad(`Invalid request: tool_call_id ${String(m.tool_call_id)} is not found`);
    }
  }
  return null;
}

/** Locked sampling on kimi-k2.5+ and k3 (documented message form), the 0–1 temperature range on moonshot-v1. */
function checkSampling(body: Record<string, unknown>, model: SimModel, thinkingOn: boolean): ApiError | null {
  const family = familyOf(model.id);
  if (family === 'k2x' || family === 'k3') {
    const fixed: Record<string, number> = {
      temperature: family === 'k3' || thinkingOn ? 1 : 0.6,
      top_p: 0.95,
      n: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
    };
    for (const [k, v] of Object.entries(fixed)) {
      if (given(body[k]) && body[k] !== v) return bad(`invalid ${k}: only ${v} is allowed for this model`);
    }
  } else if (family === 'v1') {
    const t = body.temperature;
    if (given(t) && (typeof t !== 'number' || t < 0 || t > 1)) return bad('Invalid request: temperature must be between 0 and 1');
    const n = body.n;
    if (given(n) && (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 5)) return bad('Invalid request: n must be between 1 and 5');
  }
  return null;
}

function checkThinking(body: Record<string, unknown>, model: SimModel): ApiError | null {
  const family = familyOf(model.id);
  if (given(body.thinking)) {
    if (family === 'v1' || family === 'k3') return bad(`Invalid request: thinking is not supported by model ${model.id}`);
    const type = (body.thinking as { type?: unknown }).type;
    if (model.id.startsWith('kimi-k2.7') && type !== 'enabled') return bad('invalid thinking: only type=enabled is allowed for this model');
    if (type !== 'enabled' && type !== 'disabled') return bad('Invalid request: thinking.type must be enabled or disabled');
  }
  if (given(body.reasoning_effort)) {
    if (family !== 'k3') return bad(`Invalid request: reasoning_effort is not supported by model ${model.id}`);
    if (!['low', 'high', 'max'].includes(body.reasoning_effort as string)) return bad('Invalid request: reasoning_effort must be low, high or max');
  }
  return null;
}

function thinkingOnFor(body: Record<string, unknown>, model: SimModel): boolean {
  const family = familyOf(model.id);
  if (family === 'k3') return true;
  if (family === 'k2x') return (body.thinking as { type?: unknown } | undefined)?.type !== 'disabled';
  if (family === 'v1') return false;
  return model.supports_reasoning === true;
}

export function validateChat(state: SimState, json: unknown): ValidChat | ApiError {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return bad('Invalid request: the body must be a JSON object');
  const body = json as Record<string, unknown>;
  if (typeof body.model !== 'string' || !body.model) return bad('Invalid request: model is required');
  const model = state.findModel(body.model);
  if (!model) return { status: 404, type: 'resource_not_found_error', message: `Not found the model ${body.model} or Permission denied` };
  if (!Array.isArray(body.messages) || body.messages.length === 0) return bad('Invalid request: messages must not be empty');
  const thinkingOn = thinkingOnFor(body, model);
  const err = checkThinking(body, model) ?? checkSampling(body, model, thinkingOn) ?? checkMessages(state, model, body.messages, thinkingOn);
  if (err) return err;
  if (body.tool_choice === 'required' && thinkingOn && familyOf(model.id) === 'k2x') {
    return bad("tool_choice 'required' is incompatible with thinking enabled"); // documented (live fixture)
  }
  const stop = body.stop;
  const stops = typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : [];
  if (stops.length > 5 || stops.some((s) => typeof s !== 'string' || Buffer.byteLength(s) > 32)) {
    return bad('Invalid request: stop must hold at most 5 strings of at most 32 bytes each');
  }
  const cap = body.max_tokens ?? body.max_completion_tokens;
  if (given(cap) && (!Number.isInteger(cap) || (cap as number) < 1)) return bad('Invalid request: max_tokens must be a positive integer');
  const maxTokens = given(cap) ? (cap as number) : defaultMaxTokens(model);
  const prompt = promptTokens(body);
  const context = contextOf(model);
  if (prompt + maxTokens > context) {
    return bad(`Invalid request: Your request exceeded model token limit: ${context} (requested: ${prompt + maxTokens})`); // documented live form
  }
  return { model, messages: body.messages as Record<string, unknown>[], thinkingOn, maxTokens, promptTokens: prompt };
}
