/**
 * The streaming port: the panel opens one `runtime.Port` named ASK_PORT per
 * question; each direction has its own discriminated union.
 */
import type { AskRequest, PageCheck } from './types';
import type { TabNews } from '../sources/tab-refs';
import type { FinishReason, KimiFailure, ToolUse, Usage } from '../kimi/types';

export const ASK_PORT = 'moonlit-ask';

export type PanelToBg =
  | { type: 'panel→bg:ask'; request: AskRequest }
  | { type: 'panel→bg:stop' }
  /** Posted just before an ask whose `verify` names a page the panel holds: the worker starts reading the tab. */
  | { type: 'panel→bg:check'; verify: NonNullable<AskRequest['verify']> }
  /** The text of a `verify` request's page, when the worker asked for it (bg→panel:need-page). */
  | { type: 'panel→bg:page-text'; text: string }
  /** The texts of a request's referenced tabs the worker does not hold (bg→panel:need-tabs), as the panel sent them. */
  | { type: 'panel→bg:tab-texts'; texts: { tabId: number; text: string }[] };

export type BgToPanel =
  /** The request was sent; `model` is the model that answers. */
  | { type: 'bg→panel:start'; model: string }
  | { type: 'bg→panel:delta'; content?: string; reasoning?: string }
  /** A tool ran (calculator, web search); optional, for a status line. */
  | { type: 'bg→panel:tool'; tool: ToolUse }
  /** `usage` adds up every request of the answer (continuations, tool rounds); `tools` lists what ran. */
  | { type: 'bg→panel:done'; finishReason: FinishReason; usage?: Usage; tools?: ToolUse[] }
  | { type: 'bg→panel:error'; failure: KimiFailure }
  /** A `verify` request's page as the tab shows it now, posted before anything is sent to Kimi. */
  | { type: 'bg→panel:page'; check: PageCheck }
  /** A `verify` request's tab shows another page (or none): nothing was sent; the panel reads the tab and asks again. */
  | { type: 'bg→panel:stale' }
  /** The worker does not hold the text of a `verify` request's page (it was restarted): send it. */
  | { type: 'bg→panel:need-page' }
  /** The worker does not hold these referenced tabs' texts (it was restarted): send them, in one message. */
  | { type: 'bg→panel:need-tabs'; tabIds: number[] }
  /** Referenced tabs the worker found otherwise than the panel holds them (changed, navigated, closed, unreadable). */
  | { type: 'bg→panel:tabs'; tabs: TabNews[] };

/** One handler per message type of a port's direction, each given its own message's type. */
export type PortHandlers<U extends { type: string }> = { [K in U['type']]?: (message: Extract<U, { type: K }>) => void };

/** Hands `message` to its type's handler (the one place its type is narrowed by name). */
export function dispatchPort<U extends { type: string }>(handlers: PortHandlers<U>, message: U): void {
  (handlers[message.type as U['type']] as ((m: U) => void) | undefined)?.(message);
}
