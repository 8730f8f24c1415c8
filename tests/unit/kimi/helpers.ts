// Hand-written stand-ins for Kimi's wire format, and a fetch that serves them.
import type { ChatEvent } from '../../../utils/kimi/chat-stream';

export const enc = new TextEncoder();

/** Kimi-shaped chunk objects (kimi-api.md §2.3). */
export const roleChunk = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  model: 'kimi-k2.6',
  choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
};
export const deltaChunk = (delta: Record<string, string>) => ({ ...roleChunk, choices: [{ index: 0, delta, finish_reason: null }] });
export const usageWire = {
  prompt_tokens: 90,
  completion_tokens: 50,
  total_tokens: 140,
  cached_tokens: 64,
  completion_tokens_details: { reasoning_tokens: 33 },
  prompt_tokens_details: { cached_tokens: 64 },
};
export const finishChunk = (reason: string, usage?: object) => ({
  ...roleChunk,
  choices: [{ index: 0, delta: {}, finish_reason: reason, ...(usage ? { usage } : {}) }],
});
export const trailingUsage = (usage: object) => ({ ...roleChunk, choices: [], usage });

/** One SSE event per object, `data: [DONE]` unless told not to. */
export function sseText(events: object[], opts: { done?: boolean; eol?: string } = {}): string {
  const eol = opts.eol ?? '\n';
  const parts = events.map((e) => `data: ${JSON.stringify(e)}${eol}${eol}`);
  if (opts.done !== false) parts.push(`data: [DONE]${eol}${eol}`);
  return parts.join('');
}

/** Cuts bytes at the given offsets (sorted, deduplicated), wherever they fall — mid-line or mid-character. */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.slice(from, p));
    from = p;
  }
  return out;
}

/** A small seeded PRNG, so "random" chunk boundaries are the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface StreamProbe {
  cancelled: boolean;
}

/** A body that yields `chunks`, then closes (or stays open forever with `hang`). */
export function byteStream(chunks: Uint8Array[], opts: { hang?: boolean; probe?: StreamProbe } = {}): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else if (!opts.hang) controller.close();
      else return new Promise(() => {}); // never another byte
    },
    cancel() {
      if (opts.probe) opts.probe.cancelled = true;
    },
  });
}

export function sseResponse(body: string | Uint8Array[], init: ResponseInit & { hang?: boolean; probe?: StreamProbe } = {}): Response {
  const chunks = typeof body === 'string' ? [enc.encode(body)] : body;
  return new Response(byteStream(chunks, init), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'text/event-stream', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function jsonResponse(status: number, json: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export interface FakeFetch {
  fetch: typeof fetch;
  calls: { url: string; init: RequestInit }[];
}

/** A fetch that records its calls and answers with `reply` (a fresh Response each call). */
export function fakeFetch(reply: (url: string, init: RequestInit) => Response | Promise<Response>): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return reply(String(input), init ?? {});
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** Runs a generator to its end: the events it yielded, and what it threw (if anything). */
export async function collect(gen: AsyncGenerator<ChatEvent, void>): Promise<{ events: ChatEvent[]; error?: unknown }> {
  const events: ChatEvent[] = [];
  try {
    for await (const e of gen) events.push(e);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

export const textOf = (events: ChatEvent[], field: 'content' | 'reasoning') => events.map((e) => (e.type === 'delta' ? (e[field] ?? '') : '')).join('');
