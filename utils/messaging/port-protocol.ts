/**
 * The streaming port: the panel opens one `runtime.Port` named ASK_PORT per
 * question; each direction has its own discriminated union.
 */
import type { AskRequest, FinishReason, KimiFailure, ToolUse, Usage } from './types';

export const ASK_PORT = 'moonlit-ask';

export type PanelToBg =
  | { type: 'panel→bg:ask'; request: AskRequest }
  | { type: 'panel→bg:stop' };

export type BgToPanel =
  /** The request was sent; `model` is the model that answers. */
  | { type: 'bg→panel:start'; model: string }
  | { type: 'bg→panel:delta'; content?: string; reasoning?: string }
  /** A tool ran (calculator, web search); optional, for a status line. */
  | { type: 'bg→panel:tool'; tool: ToolUse }
  /** `usage` adds up every request of the answer (continuations, tool rounds); `tools` lists what ran. */
  | { type: 'bg→panel:done'; finishReason: FinishReason; usage?: Usage; tools?: ToolUse[] }
  | { type: 'bg→panel:error'; failure: KimiFailure };
