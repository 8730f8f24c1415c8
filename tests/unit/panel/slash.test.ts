import { describe, expect, it } from 'vitest';
import { filterActions, slashQuery } from '../../../utils/panel/slash';
import { mergeActions } from '../../../utils/actions/merge';
import { panelActions } from '../../../utils/panel/actions';
import type { MessageKey } from '../../../utils/i18n';

const names: Record<string, string> = {
  menuSummarizePage: 'Summarize this page',
  menuExplainSelection: 'Explain the selection',
  menuTranslateSelection: 'Translate the selection',
  menuSummarizeSelection: 'Summarize the selection',
  commandAskSelection: 'Ask Kimi about the selection',
};
const text = (k: MessageKey) => names[k] ?? k;
const merged = mergeActions(
  {
    list: [
      { id: 'user-h', hidden: false, name: 'Haiku', prompt: 'x', contexts: ['page'] },
      { id: 'translate-selection', hidden: true },
    ],
  },
  text,
);
const actions = panelActions(merged);

describe('slash commands', () => {
  it('reads "/word rest" on one line only', () => {
    expect(slashQuery('/sum')).toEqual({ query: 'sum', rest: '' });
    expect(slashQuery('/hai  in five words ')).toEqual({ query: 'hai', rest: 'in five words' });
    expect(slashQuery('a /sum')).toBeNull();
    expect(slashQuery('/sum\nmore')).toBeNull();
  });

  it('filters visible actions by name, those starting with the word first', () => {
    expect(filterActions(actions, 'sum').map((a) => a.name)).toEqual(['Summarize this page', 'Summarize the selection']);
    expect(filterActions(actions, 'SELECTION').map((a) => a.id)).toEqual(['explain-selection', 'summarize-selection', 'ask-selection']);
    expect(filterActions(actions, 'trans')).toEqual([]);
    expect(filterActions(actions, '').length).toBe(5);
    // "Ask Kimi about this image" needs the image its menu click captures: the panel does not offer it.
    expect(merged.some((a) => a.id === 'ask-image')).toBe(true);
    expect(actions.some((a) => a.id === 'ask-image')).toBe(false);
  });
});
