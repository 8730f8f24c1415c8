import { browser } from 'wxt/browser';
import { ASK_PORT, dispatchPort, type BgToPanel, type PanelToBg, type PortHandlers } from '../messaging/port-protocol';
import type { AskRequest, PageCheck } from '../messaging/types';
import type { FinishReason, KimiFailure, ToolUse, Usage } from '../kimi/types';
import type { TabNews } from '../sources/tab-refs';

export interface AskHandlers {
  onStart?(model: string): void;
  onDelta(content: string, reasoning: string): void;
  onDone(finishReason: FinishReason, usage?: Usage, tools?: ToolUse[]): void;
  onFailure(failure: KimiFailure): void;
  /** A `verify` request: the page as the tab shows it, before anything went to Kimi. */
  onPage?(check: PageCheck): void;
  /** A `verify` request whose tab shows another page: nothing was sent, the port is closed. */
  onStale?(): void;
  /** Added tabs sent as references that the worker found changed, navigated, closed or unreadable. */
  onTabs?(news: TabNews[]): void;
}

export interface AskHandle {
  /** Stop the answer: the worker aborts the fetch. */
  stop(): void;
}

type Connect = (info: { name: string }) => ReturnType<typeof browser.runtime.connect>;

/**
 * Opens one port for one question and relays what the worker sends. If the
 * port closes before `done` (the worker was stopped or crashed) the answer
 * is reported incomplete, so the panel keeps the text and offers Continue.
 */
export function openAsk(request: AskRequest, handlers: AskHandlers, connect: Connect = (i) => browser.runtime.connect(i)): AskHandle {
  const port = connect({ name: ASK_PORT });
  const { verify, page, tabs } = request;
  let finished = false;
  const finish = () => {
    finished = true;
    port.disconnect();
  };
  const on: PortHandlers<BgToPanel> = {
    'bg→panel:start': ({ model }) => handlers.onStart?.(model),
    'bg→panel:delta': ({ content, reasoning }) => handlers.onDelta(content ?? '', reasoning ?? ''),
    'bg→panel:done': (m) => (finish(), handlers.onDone(m.finishReason, m.usage, m.tools)),
    'bg→panel:error': ({ failure }) => (finish(), handlers.onFailure(failure)),
    'bg→panel:page': ({ check }) => handlers.onPage?.(check),
    'bg→panel:need-page': () => send({ type: 'panel→bg:page-text', text: page?.text ?? '' }),
    'bg→panel:need-tabs': ({ tabIds }) =>
      send({
        type: 'panel→bg:tab-texts',
        texts: (tabs ?? []).filter((t) => t.ref && tabIds.includes(t.ref.tabId)).map((t) => ({ tabId: t.ref!.tabId, text: t.text })),
      }),
    'bg→panel:tabs': ({ tabs: news }) => handlers.onTabs?.(news),
    'bg→panel:stale': () => {
      finish();
      if (handlers.onStale) handlers.onStale();
      else handlers.onFailure({ kind: 'incomplete', message: 'The page changed before the question was sent.' });
    },
  };
  // The worker's messages: Moonlit's own, from its own worker; only the map says what each one does.
  port.onMessage.addListener((raw: unknown) => {
    if (!finished) dispatchPort(on, raw as BgToPanel);
  });
  port.onDisconnect.addListener(() => {
    if (finished) return;
    finished = true;
    handlers.onFailure({ kind: 'incomplete', message: 'The connection to the background closed early.' });
  });
  const send = (message: PanelToBg) => port.postMessage(message);
  // A held page to check: the worker starts reading the tab at once, and has the page's text already (or asks for it).
  if (verify) send({ type: 'panel→bg:check', verify });
  // The page the worker checks, and the added tabs it resolves, go without their texts (it asks for any it lacks).
  const wire = {
    ...request,
    ...(verify && page ? { page: { ...page, text: '' } } : {}),
    ...(tabs?.some((t) => t.ref) ? { tabs: tabs.map((t) => (t.ref ? { ...t, text: '' } : t)) } : {}),
  };
  send({ type: 'panel→bg:ask', request: wire });
  return {
    stop() {
      if (finished) return;
      send({ type: 'panel→bg:stop' });
      finish();
    },
  };
}

export interface ReservedPort {
  /** Hands over the reserved port once (a new one if it closed meanwhile); pass it to openAsk. */
  connect: Connect;
  /** The question will not be asked after all. */
  release(): void;
  /** Still open and not handed over. */
  usable(): boolean;
  /** Posts ahead of the question (the page check); false when the port is no longer usable. */
  post(message: PanelToBg): boolean;
}

/**
 * Opens the question's port before the question is ready: the worker reads
 * its settings while the panel is still reading the page. Nothing is sent
 * until openAsk posts the question.
 */
export function reservePort(connect: Connect = (i) => browser.runtime.connect(i)): ReservedPort {
  let port: ReturnType<Connect> | undefined = connect({ name: ASK_PORT });
  let closed = false;
  port.onDisconnect.addListener(() => void (closed = true));
  return {
    connect(info) {
      const reserved = port;
      port = undefined;
      return reserved && !closed ? reserved : connect(info);
    },
    release() {
      port?.disconnect();
      port = undefined;
    },
    usable: () => !!port && !closed,
    post(message) {
      if (!port || closed) return false;
      try {
        port.postMessage(message);
        return true;
      } catch {
        return false; // closed in the meantime
      }
    },
  };
}
