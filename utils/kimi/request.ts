import type { AskRequest } from '../messaging/types';
import type { ModelInfo, ReasoningEffort } from './types';
import { modelProfile, type ModelProfile } from './model-table';
import { buildMessages, type ChatMessage } from './prompt';
import { estimateMessagesTokens } from './tokens';
import { withImages } from './prompt-attachments';

export type { ChatMessage } from './prompt';

export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  stream_options?: { include_usage: boolean };
  max_tokens: number;
  prompt_cache_key?: string;
  thinking?: { type: 'enabled' | 'disabled' };
  temperature?: number;
  [k: string]: unknown;
}

export interface BuildChatInput {
  ask: AskRequest;
  model: string;
  listed?: ModelInfo;
  now: Date;
  /** IANA zone, e.g. "Europe/Berlin"; an unknown one falls back to UTC. */
  timeZone: string;
  /** UI language, for the default instruction when the question is empty. */
  locale: string;
  conversationId?: string;
  /** 'auto' (or absent) answers in the question's language; otherwise a BCP 47 tag the user chose. */
  answerLanguage?: string;
  /** The user's standing instructions ("How Kimi should answer"). */
  answerStyle?: string;
  /** Only for models where thinking is optional (k2.5/k2.6); undefined keeps the server default. */
  thinking?: boolean;
  /** Only for kimi-k3. */
  reasoningEffort?: ReasoningEffort;
  /**
   * The caller sizes max_tokens itself just before sending (runAnswer does, with sizeRequest):
   * skip estimating the prompt here, a second pass over a page that may be megabytes long.
   */
  sizedLater?: boolean;
}

/** Thinking tokens count toward max_tokens: below this, thinking models often answer nothing. */
export const THINKING_FLOOR = 16_000;
const PLAIN_FLOOR = 1_024;
/** Even when our (pessimistic) estimate says the prompt does not fit, let the server decide. */
export const MIN_CAP = 512;

/**
 * max_tokens = min(output cap, context − estimated prompt − margin), raised to
 * the floor where the window allows. Always explicit: Kimi's implicit default
 * (1024 on older models) silently truncates answers.
 */
export function outputCap(profile: ModelProfile, promptTokens: number, thinkingOn: boolean): number {
  const margin = Math.max(256, Math.ceil(profile.contextLength * 0.02));
  const room = profile.contextLength - promptTokens - margin;
  const wanted = Math.max(profile.maxOutput, thinkingOn ? THINKING_FLOOR : PLAIN_FLOOR);
  return Math.max(MIN_CAP, Math.min(wanted, room));
}

export function buildChatBody(input: BuildChatInput): ChatBody {
  const profile = modelProfile(input.model, input.listed);
  const messages = buildMessages(input.ask, input.now, input.timeZone, input.locale, input.answerLanguage, input.answerStyle);
  const thinkingOn = profile.thinking === 'always' || (profile.thinking === 'optional' && input.thinking !== false);
  const body: ChatBody = {
    model: input.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: outputCap(profile, input.sizedLater ? 0 : estimateMessagesTokens(messages), thinkingOn),
  };
  if (input.conversationId) body.prompt_cache_key = input.conversationId;
  // Images become content parts of the question only now: the text estimate above can't read parts (budget.ts counts them).
  if (input.ask.images?.length) body.messages = withImages(messages, input.ask.images);
  if (profile.thinking === 'optional' && input.thinking !== undefined) {
    body.thinking = { type: input.thinking ? 'enabled' : 'disabled' };
  }
  if (profile.reasoningEffort && input.reasoningEffort) body.reasoning_effort = input.reasoningEffort;
  // Locked models reject any sampling value, even the default one.
  if (!profile.fixedSampling && profile.temperature !== undefined) body.temperature = profile.temperature;
  return body;
}
