// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CostLine } from '../../../../components/panel/cost-line';
import { addTurn, appendDelta, emptyConversation, updateTurn, type Conversation } from '../../../../utils/panel/conversation';
import { DEFAULT_SETTINGS } from '../../../../utils/storage/items';
import { estimateTokens } from '../../../../utils/kimi/tokens';

// Every estimate the panel makes goes through this spy, wherever it is imported from.
vi.mock('../../../../utils/kimi/tokens', async (actual) => {
  const real = await actual<typeof import('../../../../utils/kimi/tokens')>();
  return { ...real, estimateTokens: vi.fn(real.estimateTokens) };
});

afterEach(cleanup);

const settings = { ...DEFAULT_SETTINGS, model: 'kimi-k2.5' };
const models = [{ id: 'kimi-k2.5', contextLength: 262_144 }];

function settledConversation(turns: number): Conversation {
  let conv = emptyConversation();
  for (let i = 0; i < turns; i++) {
    const [next, turn] = addTurn(conv, 'ask', `question ${i} about the page`);
    conv = updateTurn(appendDelta(next, turn.id, `answer ${i} `.repeat(50)), turn.id, () => ({ status: 'done' }));
  }
  return conv;
}

describe('CostLine', () => {
  it('estimates settled history once, not again on each delta of the answer streaming after it', () => {
    const estimates = vi.mocked(estimateTokens);
    let conv = settledConversation(5);
    const history = new Set(conv.turns.flatMap((x) => [x.question, x.answer]));
    const [streaming, turn] = addTurn(conv, 'ask', 'and the next one?');
    conv = streaming;
    estimates.mockClear();
    const view = render(<CostLine settings={settings} models={models} turns={conv.turns} />);
    const ofHistory = () => estimates.mock.calls.filter(([text]) => history.has(text)).length;
    const first = ofHistory();
    expect(first).toBe(10);
    for (let i = 0; i < 100; i++) {
      conv = appendDelta(conv, turn.id, `delta ${i} `);
      view.rerender(<CostLine settings={settings} models={models} turns={conv.turns} />);
    }
    expect(ofHistory()).toBe(first);
    // The streamed answer was never estimated while it grew; once settled it joins the history, estimated once.
    const answer = conv.turns.at(-1)!.answer;
    expect(estimates.mock.calls.some(([text]) => text === answer)).toBe(false);
    conv = updateTurn(conv, turn.id, () => ({ status: 'done' }));
    view.rerender(<CostLine settings={settings} models={models} turns={conv.turns} />);
    view.rerender(<CostLine settings={settings} models={models} turns={[...conv.turns]} />);
    expect(estimates.mock.calls.filter(([text]) => text === answer)).toHaveLength(1);
    expect(view.container.querySelector('.cost-next')?.textContent).toBeTruthy();
  });
});
