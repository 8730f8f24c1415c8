import type { BuiltinAction } from '../types';

/** On an image's context menu: the image is cut from a capture of the tab (utils/background/image-capture.ts). */
export const askImage: BuiltinAction = {
  id: 'ask-image',
  name: 'imageMenuAsk',
  menuTitle: 'imageMenuAsk',
  contexts: ['image'],
  prompt: 'imageActionPrompt',
  mode: 'ask',
  unedited: 'template',
};
