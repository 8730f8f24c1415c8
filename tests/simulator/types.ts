// Shapes shared by the simulator's files. Public ones are re-exported from server.ts.

/** One entry of GET /v1/models. Capability fields may be left out on purpose, to test clients' fallback tables. */
export interface SimModel {
  id: string;
  created?: number;
  context_length?: number;
  supports_image_in?: boolean;
  supports_video_in?: boolean;
  supports_reasoning?: boolean;
}

export interface SimulatorOptions {
  /** 0 or undefined = random free port; the host is always 127.0.0.1. */
  port?: number;
  /** Accepted bearer keys; default [DEFAULT_KEY]. */
  keys?: string[];
  /** Decides the balance's currency (USD on 'ai', CNY on 'cn') and its default amounts. Default 'ai'. */
  platform?: 'ai' | 'cn';
  /** Default: the 2026 roster in models.ts. */
  models?: SimModel[];
  /** Upload cap per file in bytes; default 100 MB like the real API (tests lower it to stay fast). */
  maxFileBytes?: number;
  /** How many files may be stored at once; default 1000 like the real API. */
  maxFiles?: number;
}

export interface RecordedRequest {
  id: number;
  method: string;
  /** Path including any query string. */
  path: string;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Raw body as UTF-8 (bodies over 16 MB are cut, see http-util.ts). */
  body: string;
  /** The parsed body when it was valid JSON. */
  json?: unknown;
  receivedAt: number;
  /** When the status line and headers were written; absent if the socket was dropped before that. */
  firstByteAt?: number;
  /** When the response was over: ended by the simulator or dropped by the client (a Stop). */
  closedAt?: number;
}

/**
 * How the next POST /v1/chat/completions (mis)behaves. Every field is optional; an empty object is the
 * default deterministic answer. "Body chunks" below are the chunks after the initial role chunk and before
 * the finish chunk: reasoning deltas, content deltas and tool-call deltas.
 */
export interface ChatBehaviour {
  /** Scripted answer text instead of the default Markdown answer (answer.ts). */
  content?: string;
  /** Thinking text, streamed as delta.reasoning_content before any content (non-stream: message.reasoning_content). */
  reasoning?: string;
  /** Characters (code points) per delta; default 12. */
  chunkSize?: number;
  /** Wait between chunks; default 25 ms. */
  chunkDelayMs?: number;
  /** Wait before the status line is written (applies to errors and non-stream responses too). */
  firstByteDelayMs?: number;
  /** A silent stretch of `ms` after body chunk number `afterChunk` (1-based). */
  pause?: { afterChunk: number; ms: number };
  /** Overrides the finish reason; default 'stop', 'tool_calls' with toolCalls, 'length' when max_tokens cut the answer. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /**
   * Where streamed usage goes: 'choice' = choices[0].usage on the finish chunk, 'top-level' = chunk.usage on the
   * finish chunk, 'trailing' = only a final {"choices":[],"usage"} chunk, 'choice+trailing' = both, 'none' = nowhere
   * (non-stream: no usage field). Default: 'choice', plus 'trailing' when stream_options.include_usage is true.
   */
  usagePlacement?: 'choice' | 'top-level' | 'trailing' | 'choice+trailing' | 'none';
  /** Overrides the estimated usage numbers. */
  usage?: { prompt_tokens?: number; completion_tokens?: number; cached_tokens?: number };
  /**
   * Answer with this HTTP error instead of the completion (skips auth and validation). The body is
   * {"error":{"message","type"}} unless rawBody is given (sent as is with contentType, default text/html).
   */
  error?: {
    status: number;
    type?: string;
    message?: string;
    rawBody?: string;
    contentType?: string;
    headers?: Record<string, string>;
  };
  /** Send `data: {"error":{type,message,code}}` inside the 200 stream after body chunk N, then end without [DONE]. */
  streamError?: { afterChunks: number; type: string; message: string; code?: string };
  /** Destroy the socket after body chunk N (N >= number of body chunks: after the finish/usage chunks, before [DONE]). Non-stream: drop before any response. */
  dropAfterChunks?: number;
  /** End the response cleanly but never send `data: [DONE]`. */
  omitDone?: boolean;
  /** Spread each event's JSON over several `data:` lines (legal SSE: the parser joins them with "\n"). */
  multiLineData?: boolean;
  /** Send a `: keep-alive` comment block before every event. */
  comments?: boolean;
  /**
   * Tool calls to return (after any content), streamed as a first delta with id/name, then argument fragments.
   * `index`: the wire `index` to send instead of the call's position (a misbehaving endpoint).
   */
  toolCalls?: { id: string; name: string; arguments: string; index?: number }[];
  /** Extra response headers (e.g. a fixed Msh-Request-Id). */
  headers?: Record<string, string>;
}

export interface Balance {
  available_balance: number;
  voucher_balance: number;
  cash_balance: number;
}

export interface StoredFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: string;
  status_details: string;
  /** Not part of the wire shape. */
  data: Buffer;
  mime: string;
}
