// The user's choice for the next question (model, thinking, reasoning effort, web search), read at the worker's
// boundary and reconciled with what the model accepts. The panel runs the same reconciliation to show it.
import type { AskChoice, ReasoningEffort } from './types';
import type { ModelProfile } from './model-table';

export const REASONING_EFFORTS: readonly ReasoningEffort[] = ['low', 'high', 'max'];
/** Model ids are short names from /v1/models: letters, digits and a little punctuation (one class, no backtracking). */
const MODEL_ID = /^[A-Za-z0-9._:/-]{1,128}$/;

/** The fields of `raw` that are well-formed; anything else is left out. undefined when nothing is left. */
export function parseChoice(raw: unknown): AskChoice | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const out: AskChoice = {};
  if (typeof r.model === 'string' && MODEL_ID.test(r.model)) out.model = r.model;
  if (typeof r.thinking === 'boolean') out.thinking = r.thinking;
  if (typeof r.reasoningEffort === 'string' && (REASONING_EFFORTS as string[]).includes(r.reasoningEffort))
    out.reasoningEffort = r.reasoningEffort as ReasoningEffort;
  if (typeof r.webSearch === 'boolean') out.webSearch = r.webSearch;
  return Object.keys(out).length ? out : undefined;
}

export interface Effective {
  /** `thinking` to send: only for models where it is optional; undefined keeps the server default (on). */
  thinking?: boolean;
  /** Whether the model will think (for the output cap and the panel). */
  thinkingOn: boolean;
  reasoningEffort?: ReasoningEffort;
  webSearch: boolean;
  /** Why the request differs from the choice: shown by the panel next to the controls. */
  note?: 'search-turns-thinking-off' | 'search-not-with-thinking';
}

/** What the request will carry for `choice` on a model with `profile`; `webSearchDefault` is the options page's setting. */
export function effectiveChoice(profile: ModelProfile, choice: AskChoice | undefined, webSearchDefault: boolean): Effective {
  let thinking = profile.thinking === 'optional' ? choice?.thinking : undefined;
  let thinkingOn = profile.thinking === 'always' || (profile.thinking === 'optional' && thinking !== false);
  const reasoningEffort = profile.reasoningEffort ? choice?.reasoningEffort : undefined;
  let webSearch = choice?.webSearch ?? webSearchDefault;
  let note: Effective['note'];
  if (webSearch && thinkingOn && !profile.searchWhileThinking) {
    if (profile.thinking === 'optional') {
      thinking = false;
      thinkingOn = false;
      note = 'search-turns-thinking-off';
    } else {
      webSearch = false;
      note = 'search-not-with-thinking';
    }
  }
  return { ...(thinking !== undefined ? { thinking } : {}), thinkingOn, ...(reasoningEffort ? { reasoningEffort } : {}), webSearch, ...(note ? { note } : {}) };
}
