import type { BuiltinAction } from '../types';

export const askSelection: BuiltinAction = {
  id: 'ask-selection',
  name: 'commandAskSelection',
  // The browser puts the selected text in place of %s.
  menuTitle: 'menuAskSelection',
  contexts: ['selection'],
  prompt: 'actionPromptAskSelection',
  mode: 'ask',
  unedited: 'selection-as-question',
  command: { suggestedKey: 'Alt+Shift+Q', description: 'commandAskSelection' },
};
