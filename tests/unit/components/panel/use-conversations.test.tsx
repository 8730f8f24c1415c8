// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useConversations } from '../../../../components/panel/use-conversations';
import { loadConversation } from '../../../../utils/history/store';
import { newConversation } from '../../../../utils/panel/tab-conversation';
import { addTurn, updateTurn } from '../../../../utils/panel/conversation';

afterEach(cleanup);

type Api = ReturnType<typeof useConversations>[0];

function Harness(props: { expose(api: Api, shown: ReturnType<typeof useConversations>[1]): void }) {
  const [api, shown] = useConversations();
  props.expose(api, shown);
  return null;
}

describe('useConversations: a question staged before the worker takes it up', () => {
  it('is shown at once but written only when it is committed', async () => {
    let api: Api | undefined;
    let shown: ReturnType<typeof useConversations>[1];
    render(<Harness expose={(a, s) => ((api = a), (shown = s))} />);
    const conv = newConversation(3, 'https://a.example/', 'A');
    api!.show(conv);
    const [next, turn] = addTurn(conv, 'ask', 'Why?');
    api!.stage(conv.id, () => next);
    await new Promise((r) => setTimeout(r, 20));
    expect(api!.get(conv.id)?.turns).toHaveLength(1);
    expect(shown?.turns.map((t) => t.question)).toEqual(['Why?']);
    expect(await loadConversation(conv.id)).toBeNull();
    api!.commit(conv.id, (c) => updateTurn(c, turn.id, () => ({ model: 'm' })), true);
    await expect.poll(async () => (await loadConversation(conv.id))?.turns[0]?.model).toBe('m');
  });
});
