// Shared helpers for the simulator's own tests: start/stop, fetch wrappers and a small SSE reader.
import { afterEach } from 'vitest';
import { DEFAULT_KEY, startSimulator, type Simulator, type SimulatorOptions } from './server';

const running: Simulator[] = [];

/** Starts a simulator on a random port, closed automatically after the test. */
export async function useSim(opts?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(opts);
  running.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export function auth(key = DEFAULT_KEY): Record<string, string> {
  return { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
}

export function postChat(sim: Simulator, body: unknown, headers = auth(), signal?: AbortSignal): Promise<Response> {
  return fetch(`${sim.baseUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body), signal });
}

export const ask = (q = 'What is this page about?', extra: Record<string, unknown> = {}) => ({
  model: 'kimi-k2.6',
  max_tokens: 16000,
  messages: [
    { role: 'system', content: 'You answer questions about the page.' },
    { role: 'user', content: q },
  ],
  ...extra,
});

export type SseEvent = Record<string, any> | '[DONE]';

/** Spec-style parsing: blank line dispatches, `data:` lines join with "\n", `:` lines are comments. */
export function parseSse(raw: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of raw.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''));
    if (!data.length) continue;
    const text = data.join('\n');
    events.push(text === '[DONE]' ? '[DONE]' : JSON.parse(text));
  }
  return events;
}

export async function streamChat(sim: Simulator, body: Record<string, unknown>): Promise<{ res: Response; raw: string; events: SseEvent[] }> {
  const res = await postChat(sim, { ...body, stream: true });
  const raw = await res.text();
  return { res, raw, events: parseSse(raw) };
}

/** Concatenated delta.content / delta.reasoning_content of the chunk events. */
export function joined(events: SseEvent[], field: 'content' | 'reasoning_content'): string {
  return events
    .filter((e): e is Record<string, any> => e !== '[DONE]')
    .map((e) => e.choices?.[0]?.delta?.[field] ?? '')
    .join('');
}

export async function upload(sim: Simulator, name: string, data: string | Uint8Array<ArrayBuffer>, purpose = 'file-extract'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([data]), name);
  form.append('purpose', purpose);
  return fetch(`${sim.baseUrl}/files`, { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_KEY}` }, body: form });
}
