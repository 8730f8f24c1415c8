import type { BuiltinAction } from '../types';

export const explainSelection: BuiltinAction = {
  id: 'explain-selection',
  name: 'menuExplainSelection',
  menuTitle: 'menuExplainSelection',
  contexts: ['selection'],
  prompt: 'actionExplainSelection',
  mode: 'ask',
  unedited: 'template',
};
