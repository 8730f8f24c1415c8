import type { Browser } from 'wxt/browser';
import { isRefTexts, isTabTexts } from '../sources/tab-fresh';
import { dispatchPort, type BgToPanel, type PanelToBg, type PortHandlers } from '../messaging/port-protocol';
import type { AskRequest } from '../messaging/types';
import type { KimiFailure } from '../kimi/types';
import { buildChatBody, type ChatBody } from '../kimi/request';
import { modelProfile } from '../kimi/model-table';
import { effectiveChoice, parseChoice } from '../kimi/choice';
import { runAnswer } from '../kimi/answer-run';
import { countTokens } from '../kimi/estimate';
import { probeOtherPlatform, type PlatformBases } from '../kimi/platform-probe';
import { toolList } from '../kimi/tools/registry';
import { isAbort, KimiError, failureFromException } from '../kimi/errors';
import { holdAwake } from './heartbeat';
import { resolveConnection, type Connection, type LocalConnection } from './connection';
import { heldConnection } from './held-connection';
import { refreshBalance } from './balance-watch';
import { isSourceRef, keepSource, sourceInbox, type Resolved } from './tab-sources';
import type { recheckTab } from './extract-tab';
import { resolveTabRefs, tabRefDeps, tabTextInbox, type TabRefDeps } from './tab-refs';

type Port = Browser.runtime.Port;

export interface AskDeps {
  /** `early`: `prepare`'s reading for the question, if `prepare` is given. */
  connect: (early?: Promise<LocalConnection>) => Promise<Connection | KimiFailure>;
  /**
   * Started as soon as the port opens, so storage is read before the question comes; asked again when it
   * comes (the worker's is held-connection.ts: the same reading, unless something changed meanwhile).
   */
  prepare?: () => Promise<LocalConnection>;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** The two official hosts; tests point them at simulators. */
  platformBases?: PlatformBases;
  /** The wait between "engine overloaded" retries (tests skip it). */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** The low-balance check after an answer; false turns it off. */
  balanceCheck?: boolean;
  /** Reads the tab for a `verify` request (tests pass a double). */
  extract?: typeof recheckTab;
  /** Reads and looks at the request's referenced added tabs (tests pass doubles). */
  tabs?: TabRefDeps;
}

const defaultDeps: AskDeps = { connect: resolveConnection, prepare: () => heldConnection() };

/**
 * One port, one question. The panel sends `panel→bg:ask`; we stream Kimi's
 * answer back as `bg→panel:*` messages. Stop, or the panel going away,
 * aborts the fetch so nothing keeps spending tokens.
 */
export function handleAskPort(port: Port, deps: AskDeps = defaultDeps): void {
  const controller = new AbortController();
  let started = false;
  // The panel opens the port before the question (as the user starts typing): get the settings meanwhile.
  deps.prepare?.().catch(() => undefined); // a failure is reported when the question comes, if it does
  port.onDisconnect.addListener(() => controller.abort());
  const source = sourceInbox(postTo(port), controller.signal, deps.extract);
  const tabTexts = tabTextInbox(postTo(port), controller.signal);
  const handlers: PortHandlers<PanelToBg> = {
    'panel→bg:stop': () => controller.abort(),
    'panel→bg:check': ({ verify }) => source.check(verify),
    'panel→bg:page-text': ({ text }) => source.text(text),
    'panel→bg:tab-texts': ({ texts }) => tabTexts.take(texts),
    'panel→bg:ask': ({ request }) => {
      if (started) return;
      started = true;
      // A tab source the panel holds is resolved against the tab (and storage read) before anything goes to Kimi.
      const resolved = request.verify ? source.resolve({ ...request, verify: request.verify }) : undefined;
      // Added tabs sent as references are checked, all at once, meanwhile (tab-refs.ts).
      const tabs = request.tabs?.some((t) => t.ref) ? resolveTabRefs(request.tabs, deps.tabs ?? tabRefDeps, tabTexts.ask) : undefined;
      // The reading held since the port opened, unless the settings, key or permissions changed since (held-connection.ts).
      void runAsk(port, request, controller.signal, deps, deps.prepare?.(), resolved, tabs);
    },
  };
  port.onMessage.addListener((raw: unknown) => {
    const message = parsePanelToBg(raw);
    if (message) dispatchPort(handlers, message);
  });
}

/** The panel's messages on an ask port, checked once here: anything malformed is ignored. */
function parsePanelToBg(raw: unknown): PanelToBg | undefined {
  const m = raw as Record<string, unknown> | null;
  switch (m?.type) {
    case 'panel→bg:stop':
      return { type: m.type };
    case 'panel→bg:check':
      return isSourceRef(m.verify) ? { type: m.type, verify: m.verify } : undefined;
    case 'panel→bg:page-text':
      return typeof m.text === 'string' ? { type: m.type, text: m.text } : undefined;
    case 'panel→bg:tab-texts':
      return isRefTexts(m.texts) ? { type: m.type, texts: m.texts } : undefined;
    case 'panel→bg:ask':
      return isAskRequest(m.request) && (m.request.verify === undefined || isSourceRef(m.request.verify)) ? { type: m.type, request: m.request } : undefined;
    default:
      return undefined;
  }
}

/** Posts to the panel; the panel may have gone, and posting to a closed port throws. */
const postTo = (port: Port) => (message: BgToPanel) => {
  try {
    port.postMessage(message);
  } catch {
    /* nothing to tell anyone */
  }
};

function isAskRequest(value: unknown): value is AskRequest {
  const r = value as AskRequest;
  return !!r && (r.mode === 'ask' || r.mode === 'summarize') && typeof r.question === 'string' && Array.isArray(r.history) && isTabTexts(r.tabs);
}

/** Kimi's count, or undefined when this endpoint has no counting API (then the local estimate stands). */
function counter(connection: Connection, signal: AbortSignal, fetchImpl?: typeof fetch) {
  return async (body: ChatBody): Promise<number | undefined> => {
    try {
      return await countTokens(body, { base: connection.base, apiKey: connection.apiKey, signal, fetchImpl });
    } catch (error) {
      const f = error instanceof KimiError ? error.failure : undefined;
      if (f && (f.kind === 'not-api' || (f.kind === 'http' && (f.status === 404 || f.status === 405)))) return undefined;
      throw error;
    }
  };
}

/** Adds what the panel needs to help: the console to top up in, and whether the key belongs to the other platform. */
async function explain(failure: KimiFailure, connection: Connection, deps: AskDeps, signal: AbortSignal): Promise<KimiFailure> {
  const out: KimiFailure = { ...failure, base: connection.base };
  if (failure.kind === 'http' && failure.status === 401) {
    const other = await probeOtherPlatform(connection.base, connection.apiKey, { bases: deps.platformBases, fetchImpl: deps.fetchImpl, signal });
    if (other) out.otherPlatform = other;
  }
  return out;
}

async function runAsk(
  port: Port,
  request: AskRequest,
  signal: AbortSignal,
  deps: AskDeps,
  early?: Promise<LocalConnection>,
  sourced?: Promise<Resolved>,
  tabsSourced?: ReturnType<typeof resolveTabRefs>,
) {
  const toPanel = postTo(port);
  // A changed page, tabs found changed: large, and the panel re-renders for them.
  let later: BgToPanel[] = [];
  const post = (message: BgToPanel) => {
    const held = message.type === 'bg→panel:start' ? [] : later;
    later = held.length ? [] : later;
    // After the first token, but before an end: the panel reads nothing once the answer has ended.
    const ends = message.type === 'bg→panel:done' || message.type === 'bg→panel:error';
    if (ends) held.forEach(toPanel);
    toPanel(message);
    if (!ends) held.forEach(toPanel);
  };
  const release = holdAwake();
  let connection: Connection | undefined;
  try {
    const resolved = await deps.connect(early);
    if (sourced) {
      const v = await sourced;
      if (v === 'stale') return post({ type: 'bg→panel:stale' });
      // A changed page is large, and the panel re-renders for it: it goes right after the first answer token
      // (or the end), so neither the request nor that token's paint waits for it.
      if (v.check.same) post({ type: 'bg→panel:page', check: v.check });
      else later.push({ type: 'bg→panel:page', check: v.check });
      request = v.request;
    } else keepSource(request.page); // its text need not come again for the next question
    if (tabsSourced) {
      const { tabs, news } = await tabsSourced;
      request = { ...request, tabs };
      if (news.length) later.push({ type: 'bg→panel:tabs', tabs: news });
    }

    if ('kind' in resolved) return post({ type: 'bg→panel:error', failure: resolved });
    connection = resolved;
    // The panel's choice, checked here: only well-formed fields, and only what the chosen model accepts.
    const choice = parseChoice(request.choice);
    const model = choice?.model ?? connection.model;
    const listed = model === connection.model ? connection.listed : connection.models?.find((m) => m.id === model);
    const profile = modelProfile(model, listed);
    const chosen = effectiveChoice(profile, choice, connection.webSearch === true);
    const body = buildChatBody({
      ask: request,
      model,
      listed,
      thinking: chosen.thinking,
      reasoningEffort: chosen.reasoningEffort,
      now: (deps.now ?? (() => new Date()))(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: connection.locale,
      answerLanguage: connection.answerLanguage,
      answerStyle: connection.answerStyle,
      conversationId: request.conversationId,
      sizedLater: true,
    });
    body.tools = toolList({ webSearch: chosen.webSearch });
    post({ type: 'bg→panel:start', model });
    const result = await runAnswer({
      base: connection.base,
      apiKey: connection.apiKey,
      body,
      profile,
      thinkingOn: chosen.thinkingOn,
      count: counter(connection, signal, deps.fetchImpl),
      signal,
      fetchImpl: deps.fetchImpl,
      wait: deps.wait,
      firstByteTimeoutMs: deps.firstByteTimeoutMs,
      idleTimeoutMs: deps.idleTimeoutMs,
      onDelta: (content, reasoning) => post({ type: 'bg→panel:delta', content, reasoning }),
      onTool: (tool) => post({ type: 'bg→panel:tool', tool }),
    });
    post({
      type: 'bg→panel:done',
      finishReason: result.finishReason,
      usage: result.usage,
      ...(result.tools.length ? { tools: result.tools } : {}),
    });
    // After the answer, never before it: the low-balance warning must not delay the first token.
    if (deps.balanceCheck !== false) await refreshBalance(connection, { fetchImpl: deps.fetchImpl, bases: deps.platformBases }).catch(() => undefined);
  } catch (error) {
    if (isAbort(error) || signal.aborted) return;
    const failure = error instanceof KimiError ? error.failure : failureFromException(error);
    post({ type: 'bg→panel:error', failure: connection ? await explain(failure, connection, deps, signal) : failure });
  } finally {
    release();
  }
}
