import type { MessageKey } from '../i18n';
import type { Action } from './merge';
import { NAME_MAX, MODEL_MAX } from './stored';
import { parseTemplate, type TemplateError } from './template';
import type { ActionContext } from './types';

export interface ActionDraft {
  name: string;
  prompt: string;
  contexts: ActionContext[];
  model: string;
}

/** A problem with one field, as a message key and its substitutions (shown at once, under the field). */
export interface FieldError {
  key: MessageKey;
  subs?: string[];
}

export type DraftErrors = Partial<Record<keyof ActionDraft, FieldError>>;

export function templateError(e: TemplateError): FieldError {
  switch (e.kind) {
    case 'empty':
      return { key: 'actionsErrPromptEmpty' };
    case 'too-long':
      return { key: 'actionsErrPromptLong', subs: [String(e.max)] };
    case 'unknown-variable':
      return { key: 'actionsErrUnknownVariable', subs: [e.name] };
    case 'unclosed':
      return { key: 'actionsErrUnclosed' };
  }
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** What is wrong with a draft, field by field; `editing` is the action being changed (its own name is no clash). */
export function validateDraft(draft: ActionDraft, actions: readonly Action[], editing?: string): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = { key: 'actionsErrNameEmpty' };
  else if (name.length > NAME_MAX) errors.name = { key: 'actionsErrNameLong', subs: [String(NAME_MAX)] };
  else if (actions.some((a) => a.id !== editing && fold(a.name) === fold(name))) errors.name = { key: 'actionsErrNameClash', subs: [name] };
  const parsed = parseTemplate(draft.prompt);
  if (!parsed.ok) errors.prompt = templateError(parsed.error);
  if (draft.contexts.length === 0) errors.contexts = { key: 'actionsErrNoContext' };
  if (draft.model.trim().length > MODEL_MAX || /\s/.test(draft.model.trim())) errors.model = { key: 'actionsErrModel' };
  return errors;
}

export const hasErrors = (e: DraftErrors) => Object.keys(e).length > 0;
