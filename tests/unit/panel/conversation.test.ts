import { describe, expect, it } from 'vitest';
import { addTurn, appendDelta, canContinue, emptyConversation, historyBefore, updateTurn, type Turn } from '../../../utils/panel/conversation';

describe('conversation state', () => {
  it('adds a streaming turn and appends deltas to it only', () => {
    let [conv, first] = addTurn(emptyConversation(), 'ask', 'What is it?');
    let second: Turn;
    [conv, second] = addTurn(conv, 'ask', 'And then?');
    conv = appendDelta(conv, second.id, 'Hel', '');
    conv = appendDelta(conv, second.id, 'lo', 'hmm');
    expect(conv.turns.find((t) => t.id === first.id)?.answer).toBe('');
    const turn = conv.turns.find((t) => t.id === second.id)!;
    expect(turn.answer).toBe('Hello');
    expect(turn.reasoning).toBe('hmm');
    expect(turn.status).toBe('streaming');
  });

  it('history holds earlier answered turns only, in order', () => {
    const [first, a] = addTurn(emptyConversation(), 'ask', 'Q1');
    const [second, empty] = addTurn(appendDelta(first, a.id, 'A1'), 'ask', 'Q2');
    const [third, c] = addTurn(second, 'summarize', '');
    const conv = appendDelta(third, c.id, 'A3');
    expect(historyBefore(conv, c.id)).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
    ]);
    expect(historyBefore(conv, empty.id)).toHaveLength(2);
  });

  it('offers Continue for stopped, cut-off and dropped answers, not for finished ones', () => {
    let [conv, turn] = addTurn(emptyConversation(), 'ask', 'Q');
    conv = appendDelta(conv, turn.id, 'partial');
    const get = () => conv.turns[0];
    conv = updateTurn(conv, turn.id, () => ({ status: 'stopped' }));
    expect(canContinue(get())).toBe(true);
    conv = updateTurn(conv, turn.id, () => ({ status: 'done', finishReason: 'length' }));
    expect(canContinue(get())).toBe(true);
    conv = updateTurn(conv, turn.id, () => ({ status: 'done', finishReason: 'stop' }));
    expect(canContinue(get())).toBe(false);
    conv = updateTurn(conv, turn.id, () => ({ status: 'error', failure: { kind: 'incomplete' } }));
    expect(canContinue(get())).toBe(true);
    conv = updateTurn(conv, turn.id, () => ({ status: 'error', failure: { kind: 'http', status: 401 } }));
    expect(canContinue(get())).toBe(false);
  });

  it('never offers Continue for an empty answer', () => {
    const [conv] = addTurn(emptyConversation(), 'ask', 'Q');
    expect(canContinue({ ...conv.turns[0], status: 'stopped' })).toBe(false);
  });
});
