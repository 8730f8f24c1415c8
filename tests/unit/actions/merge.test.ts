import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIONS } from '../../../utils/actions/builtin';
import { deleteAction, mergeActions, moveAction, resetAction, toStored } from '../../../utils/actions/merge';
import { actionQuestion } from '../../../utils/actions/question';
import { validateDraft } from '../../../utils/actions/validate';
import type { MessageKey } from '../../../utils/i18n';

// The localiser: the key itself, with the three variable words and the language spelled out.
const words: Record<string, string> = {
  actionVarSelection: 'the selected text',
  actionVarTitle: "this page's title",
  actionVarUrl: "this page's address",
  languageName: 'English',
  actionExplainSelection: 'Explain {{selection}}.',
  actionTranslateSelection: 'Translate {{selection}} into {{language}}.',
};
const text = (k: MessageKey) => words[k] ?? k;
const ids = (list: { id: string }[]) => list.map((a) => a.id);
const builtinIds = BUILTIN_ACTIONS.map((a) => a.id);
const poem = { id: 'user-poem', hidden: false, name: 'Poem', prompt: 'A poem on {{title}}', contexts: ['page' as const] };

describe('merging built-in and user actions', () => {
  it('nothing stored: the built-ins in their order, with their defaults', () => {
    const list = mergeActions({ list: [] }, text);
    expect(ids(list)).toEqual(builtinIds);
    expect(list.every((a) => !a.edited && !a.hidden && a.builtin)).toBe(true);
  });

  it('keeps the stored order, hidden flags and edits; a built-in new in an update goes after those before it', () => {
    const stored = {
      list: [{ id: 'ask-selection', hidden: true }, poem, { id: 'summarize-page', hidden: false, name: 'Digest' }, { id: 'explain-selection', hidden: false }],
    };
    const list = mergeActions(stored, text);
    expect(ids(list)).toEqual(['ask-selection', 'user-poem', 'summarize-page', 'explain-selection', 'translate-selection', 'summarize-selection', 'ask-image']);
    expect(list[0].hidden).toBe(true);
    expect(list[2]).toMatchObject({ name: 'Digest', edited: true });
  });

  it('drops what is broken or unknown in storage, and duplicates', () => {
    const stored = {
      list: [
        poem,
        poem,
        { id: 'user-x', hidden: false },
        { id: 'nope', hidden: false, name: 'N', prompt: 'p', contexts: ['page'] },
        { id: 'user-y', hidden: 'no' },
      ],
    };
    expect(ids(mergeActions(stored as never, text))).toEqual([...builtinIds, 'user-poem']);
  });

  it('round-trips through storage; a built-in keeps only what differs from its default', () => {
    const list = mergeActions({ list: [{ id: 'translate-selection', hidden: false, prompt: 'To French: {{selection}}' }, poem] }, text);
    const stored = toStored(list, text);
    expect(stored.list.find((a) => a.id === 'summarize-page')).toEqual({ id: 'summarize-page', hidden: false });
    expect(stored.list.find((a) => a.id === 'translate-selection')).toEqual({ id: 'translate-selection', hidden: false, prompt: 'To French: {{selection}}' });
    expect(mergeActions(stored, text)).toEqual(list);
  });

  it('reset, move, delete', () => {
    let list = mergeActions({ list: [{ id: 'explain-selection', hidden: true, name: 'Eli5', prompt: 'Like I am five: {{selection}}' }, poem] }, text);
    list = resetAction(list, 'explain-selection', text);
    expect(list.find((a) => a.id === 'explain-selection')).toMatchObject({
      name: 'menuExplainSelection',
      prompt: 'Explain {{selection}}.',
      edited: false,
      hidden: true,
    });
    expect(ids(list).slice(-2)).toEqual(['ask-image', 'user-poem']);
    list = moveAction(list, 'user-poem', -1);
    expect(ids(list).slice(-2)).toEqual(['user-poem', 'ask-image']);
    expect(ids(moveAction(list, 'summarize-page', -1))).toEqual(ids(list));
    expect(ids(deleteAction(list, 'explain-selection'))).toEqual(ids(list));
    expect(ids(deleteAction(list, 'user-poem'))).not.toContain('user-poem');
  });

  it('the question an action asks: built-ins unchanged as before, templates filled, the typed rest after it', () => {
    const list = mergeActions({ list: [poem] }, text);
    const by = (id: string) => list.find((a) => a.id === id)!;
    expect(actionQuestion(by('summarize-page'), text)).toEqual({ mode: 'summarize', question: '' });
    expect(actionQuestion(by('ask-selection'), text, ' why? ')).toEqual({ mode: 'ask', question: 'why?' });
    expect(actionQuestion(by('ask-selection'), text, '')).toEqual({ mode: 'ask', question: 'Explain the selected text.' });
    expect(actionQuestion(by('translate-selection'), text, 'x').question).toBe('Translate the selected text into English.');
    expect(actionQuestion(by('user-poem'), text, '', 'in haiku form').question).toBe("A poem on this page's title\n\nin haiku form");
  });

  it('validates a draft: empty or clashing name, bad template, no place', () => {
    const list = mergeActions({ list: [poem] }, text);
    const errors = validateDraft({ name: ' poem ', prompt: 'Hi {{who}}', contexts: [], model: '' }, list);
    expect(errors).toEqual({
      name: { key: 'actionsErrNameClash', subs: ['poem'] },
      prompt: { key: 'actionsErrUnknownVariable', subs: ['who'] },
      contexts: { key: 'actionsErrNoContext' },
    });
    expect(validateDraft({ name: 'Poem', prompt: 'ok', contexts: ['page'], model: '' }, list, 'user-poem')).toEqual({});
    expect(validateDraft({ name: '', prompt: ' ', contexts: ['image'], model: 'a b' }, list)).toEqual({
      name: { key: 'actionsErrNameEmpty' },
      prompt: { key: 'actionsErrPromptEmpty' },
      model: { key: 'actionsErrModel' },
    });
  });
});
