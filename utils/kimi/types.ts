/** The Kimi client's own shapes: a conversation turn, the user's choices for a request, usage, failures, tools and models. */

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export type ReasoningEffort = 'low' | 'high' | 'max';

/** The model, thinking and web search the user set in the panel for the next question; a field left out keeps the saved setting or the model's default. */
export interface AskChoice {
  model?: string;
  thinking?: boolean;
  reasoningEffort?: ReasoningEffort;
  webSearch?: boolean;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | string;

/** What went wrong, in machine terms; utils/kimi/error-table.ts turns it into words. */
export type FailureKind =
  /** The API answered with an HTTP error (status, and error.type when the body had one). */
  | 'http'
  /** An `error` object arrived inside a 200 stream. */
  | 'stream-error'
  /** The stream ended without `data: [DONE]`. */
  | 'incomplete'
  /** fetch() itself failed: offline, DNS, TLS, refused, proxy. */
  | 'network'
  /** No byte within the time limit. */
  | 'timeout'
  /** The endpoint answered with something that is not the Kimi API (HTML, not JSON). */
  | 'not-api'
  /** No API key saved. */
  | 'no-key'
  /** The custom endpoint's host permission was not granted. */
  | 'no-host-permission'
  /** The endpoint broke the API's rules in a way that can't be read past (a tool call numbered beyond any sane count). */
  | 'protocol'
  /** Checked before sending: the prompt cannot fit the model's context window (numbers in promptTokens/contextLength). */
  | 'too-long';

export interface KimiFailure {
  kind: FailureKind;
  status?: number;
  /** error.type from the body, e.g. `rate_limit_reached_error`. */
  type?: string;
  /** The raw message from the API or the network error, shown under "Details". */
  message?: string;
  /** `Msh-Request-Id`, for support tickets. */
  requestId?: string;
  /** Seconds to wait, when the message says "try again after N seconds". */
  retryAfterSeconds?: number;
  /** The API base the request went to, so the message can link the right console (top-up). */
  base?: string;
  /** On a 401: the key works on this other official platform (checked with GET /v1/models). */
  otherPlatform?: 'international' | 'china';
  /** For 'too-long': the prompt's size and the model's window, in tokens. */
  promptTokens?: number;
  contextLength?: number;
  /** For 'too-long': the model that was asked. */
  model?: string;
  /**
   * For 'too-long' of several sources (decided in the panel, nothing sent): how many, the one that would keep the
   * least of its text and how much (percent), and the smallest listed model that would serve them all.
   */
  sources?: { count: number; title: string; percent: number; larger?: string };
}

/** A tool Moonlit ran while answering, shown as a small status line. */
export interface ToolUse {
  name: 'calculator' | '$web_search' | string;
  /** Calculator: "12*7 = 84"; web search: the query when known. */
  detail?: string;
  /** The model asked for a tool this request did not offer: it was not run, and nothing was sent back for it but a refusal. */
  refused?: true;
}

export interface ModelInfo {
  id: string;
  contextLength?: number;
  supportsImages?: boolean;
  supportsReasoning?: boolean;
}
