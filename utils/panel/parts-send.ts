/**
 * The requests of a run in parts: each one a normal question through openAsk, sent again after a rate limit
 * (or a break before any text) as parts-backoff.ts says, with the usage of all of them added up. Stop ends
 * the one in flight and any wait.
 */
import type { AskRequest } from '../messaging/types';
import type { FinishReason, KimiFailure, Usage } from '../kimi/types';
import type { AskHandle, AskHandlers } from './ask-stream';
import { retryDelayMs } from './parts-backoff';
import { addUsage } from '../kimi/usage';

/** The run ends: with a failure to report, or (null) because it was stopped. */
export class Ended extends Error {
  constructor(readonly failure: KimiFailure | null) {
    super('ended');
  }
}

export interface Sent {
  text: string;
  finishReason: FinishReason;
}

export interface SenderDeps {
  openAsk: (request: AskRequest, handlers: AskHandlers) => AskHandle;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  /** The first request's start (the model), once. */
  onStart: (model: string) => void;
  /** Text of a live request (the final answer), as it streams. */
  onLive: (content: string, reasoning: string) => void;
  /** True once the run has ended (stopped, failed or done): nothing more is sent or shown. */
  finished: () => boolean;
}

export function partsSender(deps: SenderDeps) {
  const controller = new AbortController();
  const inner = new Set<AskHandle>();
  let started = false;
  let usage: Usage | undefined;

  /** One request, resolved when it ends; `live` streams its text into the conversation. */
  const once = (req: AskRequest, live: boolean) =>
    new Promise<{ ok: true; sent: Sent } | { ok: false; failure: KimiFailure; text: string }>((resolve) => {
      let text = '';
      const handle = deps.openAsk(req, {
        onStart: (model) => {
          if (!started) deps.onStart(model);
          started = true;
        },
        onDelta: (content, reasoning) => {
          text += content;
          if (live && !deps.finished()) deps.onLive(content, reasoning);
        },
        onDone: (finishReason, u) => {
          inner.delete(handle);
          usage = addUsage(usage, u);
          resolve({ ok: true, sent: { text, finishReason } });
        },
        onFailure: (failure) => {
          inner.delete(handle);
          resolve({ ok: false, failure, text });
        },
      });
      inner.add(handle);
    });

  return {
    /** Sends `req` until it succeeds, waiting out rate limits (`waiting` is told until when); throws Ended when it can't. */
    async send(req: AskRequest, live: boolean, waiting: (until: number) => void): Promise<Sent> {
      for (let retry = 1; ; retry++) {
        if (deps.finished()) throw new Ended(null);
        const result = await once(req, live);
        if (deps.finished()) throw new Ended(null);
        if (result.ok) return result.sent;
        // Text already shown can't be taken back: the answer ends here and can be continued.
        const delay = result.text && live ? null : retryDelayMs(result.failure, retry, deps.random);
        if (delay === null) throw new Ended(result.failure);
        waiting(deps.now() + delay);
        try {
          await deps.sleep(delay, controller.signal);
        } catch {
          throw new Ended(null);
        }
      }
    },
    usage: () => usage,
    stop() {
      controller.abort();
      for (const h of inner) h.stop();
      inner.clear();
    },
  };
}
