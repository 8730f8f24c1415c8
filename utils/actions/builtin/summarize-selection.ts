import type { BuiltinAction } from '../types';

export const summarizeSelection: BuiltinAction = {
  id: 'summarize-selection',
  name: 'menuSummarizeSelection',
  menuTitle: 'menuSummarizeSelection',
  contexts: ['selection'],
  prompt: 'actionSummarizeSelection',
  mode: 'ask',
  unedited: 'template',
};
