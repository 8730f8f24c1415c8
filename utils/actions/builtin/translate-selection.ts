import type { BuiltinAction } from '../types';

export const translateSelection: BuiltinAction = {
  id: 'translate-selection',
  name: 'menuTranslateSelection',
  menuTitle: 'menuTranslateSelection',
  contexts: ['selection'],
  prompt: 'actionTranslateSelection',
  mode: 'ask',
  unedited: 'template',
};
