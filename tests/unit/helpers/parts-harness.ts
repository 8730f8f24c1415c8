// A fake Kimi for runs in parts (utils/panel/map-reduce.ts): each request is answered as `steps` says, and
// every request, wait, progress report and handler call is recorded.
import type { AskRequest } from '@/utils/messaging/types';
import type { KimiFailure } from '@/utils/kimi/types';
import type { PageContent } from '@/utils/sources/types';
import type { AskHandle, AskHandlers } from '@/utils/panel/ask-stream';
import { runInParts, runMapReduce, type MapReduceDeps } from '@/utils/panel/map-reduce';
import type { PartsProgress } from '@/utils/panel/parts-progress';
import type { PartsSource } from '@/utils/panel/parts-sources';

/** What the fake Kimi does with the next request: answer, fail, never answer (until stopped), or send some text and then hang. */
export type Step = { answer: string } | { fail: KimiFailure } | 'hang' | { partial: string };

export const RATE_LIMIT: KimiFailure = {
  kind: 'http',
  status: 429,
  type: 'rate_limit_reached_error',
  message: 'max RPM: 3, please try again after 7 seconds',
  retryAfterSeconds: 7,
};
export const OVERLOADED: KimiFailure = { kind: 'http', status: 429, type: 'engine_overloaded_error' };
export const QUOTA: KimiFailure = { kind: 'http', status: 429, type: 'exceeded_current_quota_error', message: 'You exceeded your current token quota' };

/** A long page: 16 sections, each with a sentence naming it, about 18,000 tokens in all. */
export function longPage(): PageContent {
  const sections = Array.from({ length: 16 }, (_, s) => {
    const body = Array.from(
      { length: 12 },
      (_, p) =>
        `Section ${s + 1} paragraph ${p + 1}: the bees of apiary ${s + 1} stored honey and pollen for the cold months, and the keeper wrote down every weight.`,
    );
    return [`## Section ${s + 1}`, `Marker sentence for section ${s + 1}.`, ...body].join('\n\n');
  });
  return { url: 'https://example.test/long', title: 'A long page', text: sections.join('\n\n'), selection: '' };
}

export function harness(steps: (req: AskRequest, n: number) => Step, extra: Partial<MapReduceDeps> = {}) {
  const requests: AskRequest[] = [];
  const waits: number[] = [];
  const progress: (PartsProgress | null)[] = [];
  const events: string[] = [];
  let answer = '';
  let inFlight = 0;
  let maxInFlight = 0;
  const stopped: number[] = [];
  const openAsk = (req: AskRequest, h: AskHandlers): AskHandle => {
    const n = requests.push(req) - 1;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const step = steps(req, n);
    let live = true;
    void Promise.resolve().then(() => {
      if (!live || step === 'hang') return;
      h.onStart?.('moonshot-v1-8k');
      if ('partial' in step) return h.onDelta(step.partial, '');
      inFlight--;
      live = false;
      if ('fail' in step) return h.onFailure(step.fail);
      h.onDelta(step.answer.slice(0, 5), '');
      h.onDelta(step.answer.slice(5), '');
      h.onDone('stop', { promptTokens: 100, completionTokens: 10, cachedTokens: 0 });
    });
    return {
      stop() {
        if (live) inFlight--;
        live = false;
        stopped.push(n);
      },
    };
  };
  let resolveEnd!: () => void;
  const ended = new Promise<void>((r) => (resolveEnd = r));
  const handlers: AskHandlers = {
    onStart: (m) => events.push(`start ${m}`),
    onDelta: (c) => (answer += c),
    onDone: (reason, usage) => {
      events.push(`done ${reason} ${usage?.promptTokens}`);
      resolveEnd();
    },
    onFailure: (f) => {
      events.push(`failure ${f.type ?? f.kind}`);
      resolveEnd();
    },
  };
  const deps: MapReduceDeps = {
    openAsk,
    model: async () => ({ model: 'moonshot-v1-8k', models: [{ id: 'moonshot-v1-8k', contextLength: 8192 }] }),
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal.aborted) throw signal.reason;
    },
    random: () => 0.5,
    now: () => 1_000_000,
    locale: 'en',
    onProgress: (p) => progress.push(p),
    cache: new Map(),
    ...extra,
  };
  return {
    requests,
    waits,
    progress,
    events,
    ended,
    deps,
    stopped,
    get answer() {
      return answer;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    start: (request: AskRequest) => runMapReduce(request, handlers, deps),
    startSources: (request: AskRequest, sources: PartsSource[]) => runInParts(request, sources, handlers, deps),
  };
}

export const isPart = (r: AskRequest) => /^This is part \d+ of \d+/.test(r.question);
export const partNo = (r: AskRequest) => Number(/^This is part (\d+) of/.exec(r.question)?.[1]);
