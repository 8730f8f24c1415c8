import { describe, expect, it } from 'vitest';
import { actionToQuestion } from '../../../utils/panel/actions';
import { mergeActions } from '../../../utils/actions/merge';
import { t } from '../../../utils/i18n';

const actions = mergeActions(
  {
    list: [
      { id: 'user-fast', hidden: false, name: 'Fast', prompt: 'Briefly: {{title}}', contexts: ['page'], model: 'kimi-k2.6' },
      { id: 'user-plain', hidden: false, name: 'Plain', prompt: 'Plainly: {{title}}', contexts: ['page'] },
    ],
  },
  t,
);

describe("an action's own model", () => {
  it("goes with its question; an action without one leaves the conversation's model", () => {
    expect(actionToQuestion({ tabId: 1, kind: 'user-fast', createdAt: 0 }, actions)).toMatchObject({ mode: 'ask', model: 'kimi-k2.6' });
    expect(actionToQuestion({ tabId: 1, kind: 'user-plain', createdAt: 0 }, actions)?.model).toBeUndefined();
    expect(actionToQuestion({ tabId: 1, kind: 'summarize-page', createdAt: 0 }, actions)?.model).toBeUndefined();
  });
});
