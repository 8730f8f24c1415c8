import type { Browser } from 'wxt/browser';
import type { BgToPanel, PanelToBg } from '../messaging/port-protocol';
import type { AskRequest, KimiFailure, Usage } from '../messaging/types';
import { streamChat } from '../kimi/chat-stream';
import { buildChatBody } from '../kimi/request';
import { isAbort, KimiError, failureFromException } from '../kimi/errors';
import { holdAwake } from './heartbeat';
import { resolveConnection, type Connection } from './connection';

type Port = Browser.runtime.Port;

export interface AskDeps {
  connect: () => Promise<Connection | KimiFailure>;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

const defaultDeps: AskDeps = { connect: resolveConnection };

/**
 * One port, one question. The panel sends `panel→bg:ask`; we stream Kimi's
 * answer back as `bg→panel:*` messages. Stop, or the panel going away,
 * aborts the fetch so nothing keeps spending tokens.
 */
export function handleAskPort(port: Port, deps: AskDeps = defaultDeps): void {
  const controller = new AbortController();
  let started = false;
  port.onDisconnect.addListener(() => controller.abort());
  port.onMessage.addListener((raw: unknown) => {
    const msg = raw as PanelToBg;
    if (msg?.type === 'panel→bg:stop') controller.abort();
    if (msg?.type === 'panel→bg:ask' && !started && isAskRequest(msg.request)) {
      started = true;
      void runAsk(port, msg.request, controller.signal, deps);
    }
  });
}

function isAskRequest(value: unknown): value is AskRequest {
  const r = value as AskRequest;
  return (
    !!r &&
    (r.mode === 'ask' || r.mode === 'summarize') &&
    typeof r.question === 'string' &&
    Array.isArray(r.history)
  );
}

async function runAsk(port: Port, request: AskRequest, signal: AbortSignal, deps: AskDeps) {
  const post = (message: BgToPanel) => {
    // The panel may have gone; posting to a closed port throws.
    try {
      port.postMessage(message);
    } catch {
      /* nothing to tell anyone */
    }
  };
  const release = holdAwake();
  try {
    const connection = await deps.connect();
    if ('kind' in connection) return post({ type: 'bg→panel:error', failure: connection });
    const body = buildChatBody({
      ask: request,
      model: connection.model,
      listed: connection.listed,
      now: (deps.now ?? (() => new Date()))(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: connection.locale,
      answerLanguage: connection.answerLanguage,
      conversationId: request.conversationId,
    });
    post({ type: 'bg→panel:start', model: connection.model });
    let finishReason = 'stop';
    let usage: Usage | undefined;
    for await (const event of streamChat({
      base: connection.base,
      apiKey: connection.apiKey,
      body,
      signal,
      fetchImpl: deps.fetchImpl,
    })) {
      if (event.type === 'delta') post({ type: 'bg→panel:delta', content: event.content, reasoning: event.reasoning });
      else if (event.type === 'usage') usage = event.usage;
      else finishReason = event.reason;
    }
    post({ type: 'bg→panel:done', finishReason, usage });
  } catch (error) {
    if (isAbort(error) || signal.aborted) return;
    const failure = error instanceof KimiError ? error.failure : failureFromException(error);
    post({ type: 'bg→panel:error', failure });
  } finally {
    release();
  }
}
