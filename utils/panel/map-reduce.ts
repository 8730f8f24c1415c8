/**
 * Summarising a page too long for the model, in parts (map-reduce): the page is cut into parts that
 * each fit, each part becomes short notes (one normal request each), then one final request answers
 * from all the notes and streams into the conversation like any answer.
 *
 * `openInParts` has openAsk's shape, so the panel sends it through the same door as a question.
 * Requests go one at a time by default (Tier 0 allows one at once and three a minute); a 429 waits
 * and sends the same part again. A quota error, another failure or Stop ends the run and keeps the
 * notes already taken, both on screen and in a cache, so running it again skips the parts done.
 */
import type { AskRequest } from '../messaging/types';
import type { FinishReason, KimiFailure, ModelInfo, Usage } from '../kimi/types';
import type { PageContent } from '../sources/types';
import { estimateTokens, estimateMessagesTokens } from '../kimi/tokens';
import { modelProfile } from '../kimi/models';
import { defaultInstruction } from '../kimi/prompt-text';
import { sleep } from '../kimi/backoff';
import { modelsCacheItem, settingsItem } from '../storage/items';
import { t, uiLanguage } from '../i18n';
import { openAsk, type AskHandle, type AskHandlers } from './ask-stream';
import { isPdfText, markPassages } from '../citations/passages';
import { ANSWER_RESERVE } from './coverage';
import { splitIntoParts } from './parts';
import { combineQuestion, notesHeading, partQuestion } from './parts-prompt';
import { retryDelayMs } from './parts-backoff';
import { setPartsProgress, type PartsProgress } from './parts-progress';

export interface MapReduceDeps {
  openAsk: (request: AskRequest, handlers: AskHandlers) => AskHandle;
  /** The chosen model and what /v1/models said about the models. */
  model: () => Promise<{ model: string; models: ModelInfo[] }>;
  /** Requests at once; 1 unless the user's rate limits are known to allow more. */
  concurrency?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  locale?: string;
  onProgress?: (p: PartsProgress | null) => void;
  /** Notes already taken, by model, request and part text: a second run skips those parts. */
  cache?: Map<string, string>;
}

/** Instructions, title and URL around each part, and the separators between notes. */
const PROMPT_OVERHEAD = 800;
/** Parts are cut below the limit so estimate errors never push a part over it. */
const FILL = 0.85;
/** Rounds of notes-on-notes before the final request is sent anyway. */
const MAX_ROUNDS = 3;
const CACHE_LIMIT = 500;

const sharedCache = new Map<string, string>();

class Ended extends Error {
  constructor(readonly failure: KimiFailure | null) {
    super('ended');
  }
}

interface Sent {
  text: string;
  finishReason: FinishReason;
  usage?: Usage;
}

function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a || !b) return a ?? b;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
  };
}

/** Tokens one request may spend on page text with this model and this request around it. */
export function partBudget(contextLength: number, request: AskRequest): number {
  const around = estimateTokens(`${request.page?.title ?? ''} ${request.page?.url ?? ''} ${request.question}`);
  return Math.max(200, Math.floor((contextLength - ANSWER_RESERVE - PROMPT_OVERHEAD - around) * FILL));
}

export function runMapReduce(request: AskRequest, handlers: AskHandlers, deps: MapReduceDeps): AskHandle {
  const controller = new AbortController();
  const inner = new Set<AskHandle>();
  const notes: (string | undefined)[] = [];
  const progress = deps.onProgress ?? (() => undefined);
  const wait = deps.sleep ?? sleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const cache = deps.cache ?? sharedCache;
  let finished = false;
  let started = false;
  let mapping = true;
  let usage: Usage | undefined;
  let total = 0;

  /** What is done so far, for the conversation when the run ends early. */
  const kept = (): string => {
    const done = notes.flatMap((n, i) => (n ? [`## ${t('partsNotesHeading', i + 1, total)}\n\n${n.trim()}`] : []));
    return done.length ? [t('partsKept', done.length, total), ...done].join('\n\n') : '';
  };

  const end = (failure: KimiFailure | null) => {
    if (finished) return;
    finished = true;
    progress(null);
    if (!failure) return;
    const text = mapping ? kept() : '';
    if (text) handlers.onDelta(text, '');
    handlers.onFailure(failure);
  };

  /** One request, resolved when it ends; `live` streams its text into the conversation. */
  const once = (req: AskRequest, live: boolean) =>
    new Promise<{ ok: true; sent: Sent } | { ok: false; failure: KimiFailure; text: string }>((resolve) => {
      let text = '';
      const handle = deps.openAsk(req, {
        onStart: (model) => {
          if (!started) handlers.onStart?.(model);
          started = true;
        },
        onDelta: (content, reasoning) => {
          text += content;
          if (live && !finished) handlers.onDelta(content, reasoning);
        },
        onDone: (finishReason, u) => {
          inner.delete(handle);
          resolve({ ok: true, sent: { text, finishReason, usage: u } });
        },
        onFailure: (failure) => {
          inner.delete(handle);
          resolve({ ok: false, failure, text });
        },
      });
      inner.add(handle);
    });

  /** Sends `req` until it succeeds, waiting out rate limits; throws Ended when it can't. */
  const send = async (req: AskRequest, live: boolean, waiting: (until: number) => void): Promise<Sent> => {
    for (let retry = 1; ; retry++) {
      if (finished) throw new Ended(null);
      const result = await once(req, live);
      if (finished) throw new Ended(null);
      if (result.ok) {
        usage = addUsage(usage, result.sent.usage);
        return result.sent;
      }
      // Text already shown can't be taken back: the answer ends here and can be continued.
      const delay = result.text ? null : retryDelayMs(result.failure, retry, random);
      if (delay === null) throw new Ended(result.failure);
      waiting(now() + delay);
      try {
        await wait(delay, controller.signal);
      } catch {
        throw new Ended(null);
      }
    }
  };

  const keep: Pick<AskRequest, 'citations'> = {};
  const mapRound = async (page: PageContent, parts: string[], model: string, budget: number) => {
    total = parts.length;
    notes.length = 0;
    const words = Math.max(60, Math.min(400, Math.floor(budget / (parts.length * 2.5))));
    let next = 0;
    const reading = new Set<number>();
    const report = (waitUntil?: number) => {
      const part = reading.size ? Math.min(...reading) + 1 : Math.min(next + 1, total);
      progress({ phase: 'parts', part, of: total, done: notes.filter(Boolean).length, ...(waitUntil ? { waitUntil } : {}) });
    };
    const worker = async () => {
      while (next < parts.length && !finished) {
        const i = next++;
        const question = partQuestion(i + 1, parts.length, request.question, words);
        const key = `${model}\n${question}\n${page.url}\n${parts[i]}`;
        const known = cache.get(key);
        if (known !== undefined) {
          notes[i] = known;
          continue;
        }
        reading.add(i);
        report();
        const req: AskRequest = { mode: 'ask', question, page: { ...page, text: parts[i], selection: '', selectionContext: undefined }, history: [], ...keep };
        const sent = await send(req, false, report);
        reading.delete(i);
        notes[i] = sent.text.trim() || '-';
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
        cache.set(key, notes[i]!);
        report();
      }
    };
    const workers = Math.max(1, Math.min(deps.concurrency ?? 1, parts.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return notes.map((n, i) => `${notesHeading(i + 1, parts.length)}\n\n${n!.trim()}`).join('\n\n');
  };

  const run = async () => {
    const { model, models } = await deps.model();
    const profile = modelProfile(model, models.find((m) => m.id === model));
    if (!request.page) return send(request, true, () => undefined);
    const page: PageContent = { ...request.page, selection: '', selectionContext: undefined };
    const budget = partBudget(profile.contextLength, request);
    const finalBudget = budget - estimateMessagesTokens(request.history);
    // With citations, the whole page is numbered once so every part keeps the page's own
    // passage numbers; the parts' notes and the final answer then carry them through.
    const cite = request.citations && 'first' in request.citations ? request.citations.first : 0;
    let text = cite ? markPassages(page.text, isPdfText(page), cite).text : page.text;
    if (cite) keep.citations = { keep: true };
    let rounds = 0;
    // Notes that still don't fit are read in parts again (bounded).
    while (estimateTokens(text) > finalBudget && rounds < MAX_ROUNDS) {
      text = await mapRound(page, splitIntoParts(text, budget), model, finalBudget);
      rounds++;
    }
    if (rounds === 0) {
      // It fits after all: an ordinary question.
      mapping = false;
      return send(request, true, () => undefined);
    }
    mapping = false;
    const report = (waitUntil?: number) => progress({ phase: 'combine', of: total, ...(waitUntil ? { waitUntil } : {}) });
    report();
    const ask = request.question.trim() || defaultInstruction('summarizePage', deps.locale ?? uiLanguage());
    const final: AskRequest = { ...request, question: combineQuestion(total, ask), page: { ...page, text }, continueFrom: undefined, ...keep };
    return send(final, true, report);
  };

  void run().then(
    (sent) => {
      if (finished) return;
      finished = true;
      progress(null);
      handlers.onDone(sent.finishReason, usage);
    },
    (error: unknown) => end(error instanceof Ended ? error.failure : { kind: 'incomplete', message: String(error) }),
  );

  return {
    stop() {
      if (finished) return;
      const text = mapping ? kept() : '';
      finished = true;
      controller.abort();
      for (const h of inner) h.stop();
      inner.clear();
      progress(null);
      if (text) handlers.onDelta(text, '');
    },
  };
}

/** The panel's entry point: openAsk's shape, with the stored model and the shared progress line. */
export function openInParts(request: AskRequest, handlers: AskHandlers): AskHandle {
  return runMapReduce(request, handlers, {
    openAsk,
    model: async () => {
      const [settings, cache] = await Promise.all([settingsItem.getValue(), modelsCacheItem.getValue()]);
      return { model: settings.model, models: cache?.models ?? [] };
    },
    onProgress: setPartsProgress,
  });
}
