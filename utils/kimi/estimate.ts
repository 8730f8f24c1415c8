// POST /v1/tokenizers/estimate-token-count (kimi-api.md §6): the server's own count of a prompt.
import { KimiError, failureFromResponse } from './errors';
import { RequestGuard } from './request-guard';
import type { ChatBody } from './request';

export interface CountOptions {
  base: string;
  apiKey: string;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** The prompt tokens of `body` (messages and tools) as Kimi counts them. Throws KimiError. */
export async function countTokens(body: Pick<ChatBody, 'model' | 'messages'> & { tools?: unknown }, opts: CountOptions): Promise<number> {
  if (opts.signal?.aborted) throw opts.signal.reason;
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeout = opts.timeoutMs ?? 30_000;
  const guard = new RequestGuard(opts.signal, timeout, timeout);
  // The documented body is chat-shaped; only what counts toward the prompt is sent.
  const payload: Record<string, unknown> = { model: body.model, messages: body.messages };
  if (Array.isArray(body.tools) && body.tools.length) payload.tools = body.tools;
  try {
    const res = await guard.race(
      fetchImpl(`${opts.base}/tokenizers/estimate-token-count`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${opts.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
        signal: guard.signal,
      }),
    );
    const text = await guard.race(res.text());
    if (!res.ok) throw new KimiError(failureFromResponse(res, text));
    const total = totalTokens(text);
    if (total === undefined) throw new KimiError({ ...failureFromResponse(res, text), kind: 'not-api' });
    return total;
  } catch (err) {
    throw guard.translate(err);
  } finally {
    guard.dispose();
  }
}

/** `{"data":{"total_tokens":N}}`; an `error` field (even with 200) or any other shape → undefined. */
export function totalTokens(text: string): number | undefined {
  try {
    const json = JSON.parse(text) as { error?: unknown; data?: { total_tokens?: unknown } } | null;
    if (!json || json.error) return undefined;
    const n = json.data?.total_tokens;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}
