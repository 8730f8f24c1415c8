import type { BuiltinAction } from '../types';

export const summarizePage: BuiltinAction = {
  id: 'summarize-page',
  name: 'menuSummarizePage',
  menuTitle: 'menuSummarizePage',
  contexts: ['page'],
  prompt: 'actionPromptSummarizePage',
  mode: 'summarize',
  unedited: 'default-summary',
  command: { suggestedKey: 'Alt+Shift+U', description: 'commandSummarizePage' },
};
