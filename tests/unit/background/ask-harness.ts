// Drives the worker's port handler against real simulators, and reads what it told the panel.
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleAskPort, type AskDeps } from '../../../utils/background/ask-session';
import type { BgToPanel } from '../../../utils/messaging/port-protocol';
import type { AskRequest } from '../../../utils/messaging/types';
import type { KimiFailure } from '../../../utils/kimi/types';
import type { Connection } from '../../../utils/background/connection';
import { DEFAULT_KEY, startSimulator, type Simulator } from '../../simulator/server';
import { createPortPair, until } from '../helpers/fake-port';

export const page = { url: 'https://news.example/a', title: 'A story', text: 'The quick brown fox jumps over the lazy dog.', selection: '' };
export const ask: AskRequest = { mode: 'ask', question: 'What jumps?', page, history: [], conversationId: 'conv-1' };

export function connectionTo(sim: Simulator, over: Partial<Connection> = {}): Connection {
  return { base: sim.baseUrl, apiKey: DEFAULT_KEY, model: 'kimi-k2.6', locale: 'en', answerLanguage: 'auto', ...over };
}

/** No real waiting between overload retries; the delays asked for are recorded. */
export function noWait(): { wait: NonNullable<AskDeps['wait']>; delays: number[] } {
  const delays: number[] = [];
  return { wait: async (ms) => void delays.push(ms), delays };
}

export interface Asked {
  got: () => BgToPanel[];
  text: () => string;
  reasoning: () => string;
  end: () => Promise<BgToPanel>;
  failure: () => Promise<KimiFailure>;
}

/** Opens a port to the worker and sends one question. */
export function askWorker(deps: AskDeps, request: AskRequest = ask): Asked {
  const { panel, bg } = createPortPair('moonlit-ask');
  handleAskPort(bg as never, { balanceCheck: false, ...deps });
  panel.postMessage({ type: 'panel→bg:ask', request });
  const got = () => panel.received as BgToPanel[];
  const join = (field: 'content' | 'reasoning') =>
    got()
      .map((m) => (m.type === 'bg→panel:delta' ? (m[field] ?? '') : ''))
      .join('');
  const end = async () => {
    await until(() => got().some((m) => m.type === 'bg→panel:done' || m.type === 'bg→panel:error'), 15_000);
    return got().find((m) => m.type === 'bg→panel:done' || m.type === 'bg→panel:error')!;
  };
  return {
    got,
    text: () => join('content'),
    reasoning: () => join('reasoning'),
    end,
    failure: async () => {
      const last = await end();
      if (last.type !== 'bg→panel:error') throw new Error(`expected an error, got ${JSON.stringify(last)}`);
      return last.failure;
    },
  };
}

export const apiRequests = (sim: Simulator, path: string) => sim.log.filter((r) => r.path === path);
export const chats = (sim: Simulator) => apiRequests(sim, '/v1/chat/completions');

/** Before each test: a fresh simulator answering at once, and a heartbeat that needs no browser. */
export function resetForWorker(sim: Simulator): void {
  sim.reset();
  sim.setDefault({ chunkDelayMs: 0 });
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
}

/** One simulator for a test file, reset before each test (then `each`, the file's own set-up); call the result for it. */
export function workerSimulator(each?: () => void): () => Simulator {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    resetForWorker(sim);
    each?.();
  });
  return () => sim;
}
