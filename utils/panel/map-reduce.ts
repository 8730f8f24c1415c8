/**
 * Reading content too long for the model in parts (map-reduce), for a summary or a question: the sources
 * (one long page; several tabs later) are cut into parts that each fit; each part becomes short notes — for
 * a question, only what bears on it, or "nothing" — (one normal request each); notes too long to read at once
 * are merged in stages; then one final request answers from the notes and streams into the conversation like
 * any answer. With citations the passages are numbered once across everything, so the answer's markers point
 * at the original passages.
 *
 * `openInParts` has openAsk's shape, so the panel sends it through the same door as a question. Requests go
 * one at a time by default (Tier 0 allows one at once and three a minute); a 429 waits and sends the same
 * request again. A quota error, another failure or Stop ends the run and keeps the notes already taken, both
 * on screen and in a cache, so running it again skips the parts done.
 */
import type { AskRequest } from '../messaging/types';
import type { KimiFailure, ModelInfo } from '../kimi/types';
import { estimateTokens, estimateMessagesTokens } from '../kimi/tokens';
import { modelProfile } from '../kimi/models';
import { defaultInstruction } from '../kimi/prompt-text';
import { sleep } from '../kimi/backoff';
import { modelsCacheItem, settingsItem } from '../storage/items';
import { t, uiLanguage } from '../i18n';
import { openAsk, type AskHandle, type AskHandlers } from './ask-stream';
import { ANSWER_RESERVE } from './coverage';
import { combineQuestion, partQuestion, stageQuestion } from './parts-prompt';
import { setPartsProgress, type PartsKind, type PartsProgress } from './parts-progress';
import { cutSources, sourceOfTab, sourcesOfPage, type PartsSource } from './parts-sources';
import { groupNotes, joinNotes, notesTokens, saysNothing, type Note } from './parts-notes';
import { Ended, partsSender } from './parts-send';

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
/** Rounds of merging notes before giving up (each round at least halves them in practice). */
const MAX_ROUNDS = 3;
const CACHE_LIMIT = 500;

const sharedCache = new Map<string, string>();

/** Tokens one request may spend on page text with this model and this request around it. */
export function partBudget(contextLength: number, request: AskRequest): number {
  const around = estimateTokens(`${request.page?.title ?? ''} ${request.page?.url ?? ''} ${request.question}`);
  return Math.max(200, Math.floor((contextLength - ANSWER_RESERVE - PROMPT_OVERHEAD - around) * FILL));
}

/** Words per note so that `count` notes fit in `budget` tokens (about 2.5 tokens a word, by the pessimistic estimate). */
const wordsFor = (budget: number, count: number) => Math.max(60, Math.min(400, Math.floor(budget / (count * 2.5))));

/** The request's page and any other tabs added to it, read in parts (each request of the run carries one part, no tabs). */
export function runMapReduce(request: AskRequest, handlers: AskHandlers, deps: MapReduceDeps): AskHandle {
  const { tabs, ...rest } = request;
  const sources = [...(rest.page ? sourcesOfPage(rest.page) : []), ...(tabs ?? []).map(sourceOfTab)];
  // Without the page (removed from the question), the first tab stands in for it when everything fits one request.
  return runInParts(rest.page || !sources.length ? rest : { ...rest, page: sources[0].page }, sources, handlers, deps);
}

export function runInParts(request: AskRequest, sources: PartsSource[], handlers: AskHandlers, deps: MapReduceDeps): AskHandle {
  const notes: (Note | undefined)[] = [];
  const progress = deps.onProgress ?? (() => undefined);
  const cache = deps.cache ?? sharedCache;
  const kind: PartsKind = request.mode === 'summarize' || !request.question.trim() ? 'summary' : 'answer';
  const labels = sources.map((s) => s.label);
  let finished = false;
  /** Until the final request, what ends the run early is kept as the notes so far. */
  let keepNotes = true;
  let total = 0;
  const sender = partsSender({
    openAsk: deps.openAsk,
    sleep: deps.sleep ?? sleep,
    random: deps.random ?? Math.random,
    now: deps.now ?? Date.now,
    onStart: (model) => handlers.onStart?.(model),
    onLive: (content, reasoning) => handlers.onDelta(content, reasoning),
    finished: () => finished,
  });

  /** What is done so far, for the conversation when the run ends early: every part's notes, or that it had nothing. */
  const kept = (): string => {
    if (!keepNotes) return '';
    const done = notes.flatMap((n) =>
      n ? [`## ${t('partsNotesHeading', n.part, total)}\n\n${saysNothing(n.text) ? `_${t('partsNothing')}_` : n.text.trim()}`] : [],
    );
    return done.length ? [t('partsKept', done.length, total), ...done].join('\n\n') : '';
  };

  const end = (failure: KimiFailure | null) => {
    if (finished) return;
    const text = kept();
    finished = true;
    progress(null);
    if (text) handlers.onDelta(text, '');
    if (failure) handlers.onFailure(failure);
  };

  const run = async () => {
    const { model, models } = await deps.model();
    const profile = modelProfile(
      model,
      models.find((m) => m.id === model),
    );
    if (!sources.length) return sender.send(request, true, () => undefined);
    const budget = partBudget(profile.contextLength, request);
    const finalBudget = budget - estimateMessagesTokens(request.history);
    const cite = request.citations && 'first' in request.citations ? request.citations.first : 0;
    const keep: Pick<AskRequest, 'citations'> = cite ? { citations: { keep: true } } : {};
    // A video's transcript cites itself: its lines carry their times, which the notes keep; no passage numbers.
    const { parts } = cutSources(sources, budget, request.page?.video ? 0 : cite);
    if (sources.length === 1 && parts.length <= 1 && estimateTokens(parts[0]?.text ?? '') <= finalBudget) {
      // It fits after all: an ordinary question.
      keepNotes = false;
      return sender.send(request, true, () => undefined);
    }
    const ask = request.question.trim() || defaultInstruction(request.page?.video ? 'summarizeVideo' : 'summarizePage', deps.locale ?? uiLanguage());

    // Map: notes on every part, one request each (or from the cache).
    total = parts.length;
    const words = wordsFor(finalBudget, total);
    let next = 0;
    const reading = new Set<number>();
    const report = (waitUntil?: number) => {
      const part = reading.size ? Math.min(...reading) + 1 : Math.min(next + 1, total);
      progress({ kind, phase: 'parts', part, of: total, done: notes.filter(Boolean).length, ...(waitUntil ? { waitUntil } : {}) });
    };
    const worker = async () => {
      while (next < parts.length && !finished) {
        const i = next++;
        const { source, text } = parts[i];
        const question = partQuestion(i + 1, total, request.question, words, kind === 'summary', !!cite);
        const page = sources[source].page;
        // Notes on the same text for the same request stay good whatever their word limit (it follows the history).
        const key = `${model}\n${kind}\n${request.question}\n${page.url}\n${text}`;
        const known = cache.get(key);
        if (known === undefined) {
          reading.add(i);
          report();
          const sent = await sender.send({ mode: 'ask', question, page: { ...page, text }, history: [], ...keep }, false, report);
          reading.delete(i);
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          cache.set(key, sent.text.trim() || '-');
        }
        notes[i] = { part: i + 1, last: i + 1, source, text: cache.get(key)! };
        report();
      }
    };
    const workers = Math.max(1, Math.min(deps.concurrency ?? 1, parts.length));
    await Promise.all(Array.from({ length: workers }, worker));

    // Reduce in stages while the notes don't fit one request: merge groups of them into shorter notes.
    const relevant = (notes as Note[]).filter((n) => !saysNothing(n.text));
    let current = relevant;
    let before = Infinity;
    for (let round = 0, size = notesTokens(current, total, labels); size > finalBudget; round++, size = notesTokens(current, total, labels)) {
      // Merging that no longer shrinks the notes would only spend requests: give up, keeping the notes.
      if (round === MAX_ROUNDS || size >= before) {
        throw new Ended({
          kind: 'too-long',
          model,
          promptTokens: size,
          contextLength: profile.contextLength,
          message: `The notes on all ${total} parts are still about ${size} tokens after ${round} rounds of merging.`,
        });
      }
      before = size;
      const groups = groupNotes(current, budget, total, labels);
      const merged: Note[] = [];
      for (const [g, group] of groups.entries()) {
        const stage = (waitUntil?: number) => progress({ kind, phase: 'condense', group: g + 1, of: groups.length, ...(waitUntil ? { waitUntil } : {}) });
        stage();
        const [first, last] = [group[0].part, group.at(-1)!.last];
        const question = stageQuestion(first, last, total, ask, wordsFor(finalBudget, groups.length), !!cite);
        const page = { ...sources[group[0].source].page, text: joinNotes(group, total, labels) };
        const sent = await sender.send({ mode: 'ask', question, page, history: [], ...keep }, false, stage);
        merged.push({ part: first, last, source: group[0].source, text: sent.text.trim() || '-' });
      }
      current = merged;
    }

    // Reduce: one answer from the notes, streamed into the conversation.
    keepNotes = false;
    const combining = (waitUntil?: number) => progress({ kind, phase: 'combine', of: total, ...(waitUntil ? { waitUntil } : {}) });
    combining();
    const text = current.length ? joinNotes(current, total, labels) : '(No part of the page had anything bearing on the request.)';
    const page = sources.length === 1 ? { ...sources[0].page, text } : { url: '', title: `${sources.length} sources`, text, selection: '' };
    const final: AskRequest = { ...request, question: combineQuestion(total, ask, total - relevant.length), page, ...keep };
    return sender.send(final, true, combining);
  };

  void run().then(
    (sent) => {
      if (finished) return;
      finished = true;
      progress(null);
      handlers.onDone(sent.finishReason, sender.usage());
    },
    (error: unknown) => end(error instanceof Ended ? error.failure : { kind: 'incomplete', message: String(error) }),
  );

  return {
    stop() {
      if (finished) return;
      sender.stop();
      // Stop is the panel's own doing: the notes so far are shown, no failure is reported.
      end(null);
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
