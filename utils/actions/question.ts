import type { AskMode } from '../messaging/types';
import type { Action, Localise } from './merge';
import { explainSelection } from './builtin/explain-selection';
import { fillTemplate, parseTemplate } from './template';

/**
 * The question an action asks. Variables become words that name data Moonlit sends anyway, inside its
 * wrappers: the selection goes as `<selection>` with the question, the title and address as the page's header
 * lines. `extra`: what the user typed after a slash command, asked after the action's prompt.
 */
export function actionQuestion(action: Action, text: Localise, selection = '', extra = ''): { mode: AskMode; question: string } {
  const b = action.builtin;
  const unedited = !!b && action.prompt === text(b.prompt);
  const more = extra.trim();
  if (unedited && b.unedited === 'default-summary' && !more) return { mode: action.mode, question: '' };
  // "Ask Kimi about “…”": the selected words are the question; without a selection (a shortcut), explain it.
  if (unedited && b.unedited === 'selection-as-question' && selection.trim() && !more) return { mode: action.mode, question: selection.trim() };
  const template = unedited && b.unedited === 'selection-as-question' ? text(explainSelection.prompt) : action.prompt;
  const parsed = parseTemplate(template);
  const filled = parsed.ok
    ? fillTemplate(parsed.parts, {
        selection: text('actionVarSelection'),
        title: text('actionVarTitle'),
        url: text('actionVarUrl'),
        language: text('languageName'),
      })
    : template; // saved before a check existed: asked as written
  return { mode: action.mode, question: more ? `${filled}\n\n${more}` : filled };
}
