// How big a prompt is and how many tokens the answer may take (the FAQ's best practice:
// max_tokens = context − prompt), counting on the server only when it matters.
import type { KimiFailure } from './types';
import type { ModelProfile } from './model-table';
import type { ChatBody } from './request';
import { estimateTokens } from './tokens';
import { MIN_CAP, THINKING_FLOOR } from './request';

/** Above this share of the window the local (pessimistic) estimate is replaced by Kimi's count. */
export const NEAR_LIMIT = 0.85;
const PLAIN_FLOOR = 1_024;
/** Per-message framing and the reply's priming; images are counted at a high flat rate. */
const PER_MESSAGE = 6;
const PER_REQUEST = 8;
const PER_IMAGE = 1_536;

type Part = { type?: unknown; text?: unknown };

/** Local estimate of everything the server counts: contents, thinking, tool calls, tool definitions, images. */
export function localPromptTokens(body: Pick<ChatBody, 'messages'> & { tools?: unknown }): number {
  let total = PER_REQUEST;
  for (const m of body.messages) {
    total += PER_MESSAGE;
    const content = m.content as unknown;
    if (typeof content === 'string') total += estimateTokens(content);
    else if (Array.isArray(content)) {
      for (const p of content as Part[]) {
        if (p?.type === 'image_url' || p?.type === 'video_url') total += PER_IMAGE;
        else if (typeof p?.text === 'string') total += estimateTokens(p.text);
      }
    }
    if (m.reasoning_content) total += estimateTokens(m.reasoning_content);
    if (m.name) total += estimateTokens(m.name);
    if (m.tool_calls) total += estimateTokens(JSON.stringify(m.tool_calls));
  }
  if (Array.isArray(body.tools) && body.tools.length) total += estimateTokens(JSON.stringify(body.tools));
  return total;
}

export function hasMedia(body: Pick<ChatBody, 'messages'>): boolean {
  return body.messages.some(
    (m) => Array.isArray(m.content as unknown) && (m.content as unknown as Part[]).some((p) => p?.type === 'image_url' || p?.type === 'video_url'),
  );
}

export const marginFor = (contextLength: number) => Math.max(256, Math.ceil(contextLength * 0.02));

export type Sizing =
  | { ok: true; maxTokens: number; promptTokens: number; counted: 'local' | 'server' }
  | { ok: false; promptTokens: number; contextLength: number; counted: 'local' | 'server' };

/**
 * The output cap for `body`. A prompt well inside the window is sized from the
 * local estimate (no extra round trip before the first token); near the limit,
 * or with images, Kimi's count decides. `count` returns undefined when the
 * endpoint has no counting API, and the local figure is kept.
 */
export async function sizeRequest(body: ChatBody, profile: ModelProfile, thinkingOn: boolean, count: () => Promise<number | undefined>): Promise<Sizing> {
  const context = profile.contextLength;
  let prompt = localPromptTokens(body);
  let counted: 'local' | 'server' = 'local';
  if (prompt >= context * NEAR_LIMIT || hasMedia(body)) {
    const exact = await count();
    if (exact !== undefined) {
      prompt = exact;
      counted = 'server';
    }
  }
  const room = context - prompt - marginFor(context);
  if (room < MIN_CAP) return { ok: false, promptTokens: prompt, contextLength: context, counted };
  const wanted = Math.max(profile.maxOutput, thinkingOn ? THINKING_FLOOR : PLAIN_FLOOR);
  return { ok: true, maxTokens: Math.min(wanted, room), promptTokens: prompt, counted };
}

export function tooLongFailure(s: Extract<Sizing, { ok: false }>, model: string): KimiFailure {
  return {
    kind: 'too-long',
    promptTokens: s.promptTokens,
    contextLength: s.contextLength,
    model,
    message: `The prompt is about ${s.promptTokens} tokens (${s.counted === 'server' ? "Kimi's count" : 'local estimate'}); ${model} reads at most ${s.contextLength}.`,
  };
}
