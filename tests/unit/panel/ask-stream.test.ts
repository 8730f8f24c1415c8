import { describe, expect, it, vi } from 'vitest';
import { openAsk } from '../../../utils/panel/ask-stream';
import type { AskRequest } from '../../../utils/messaging/types';
import { createPortPair, until, type FakePort } from '../helpers/fake-port';

const request: AskRequest = { mode: 'ask', question: 'Why?', history: [] };

function setup() {
  const pair = createPortPair('moonlit-ask');
  const handlers = { onStart: vi.fn(), onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn() };
  const connect = vi.fn(() => pair.panel as unknown as ReturnType<typeof import('wxt/browser').browser.runtime.connect>);
  const handle = openAsk(request, handlers, connect);
  return { ...pair, handlers, handle, connect };
}

const post = (port: FakePort, m: unknown) => port.postMessage(m);

describe('openAsk', () => {
  it('sends the question and relays start, deltas and done', async () => {
    const { bg, handlers, connect } = setup();
    expect(connect).toHaveBeenCalledWith({ name: 'moonlit-ask' });
    await until(() => bg.received.length === 1);
    expect(bg.received[0]).toEqual({ type: 'panel→bg:ask', request });
    post(bg, { type: 'bg→panel:start', model: 'kimi-k2.6' });
    post(bg, { type: 'bg→panel:delta', content: 'Hi' });
    post(bg, { type: 'bg→panel:delta', reasoning: 'th' });
    post(bg, { type: 'bg→panel:done', finishReason: 'stop' });
    await until(() => handlers.onDone.mock.calls.length === 1);
    expect(handlers.onStart).toHaveBeenCalledWith('kimi-k2.6');
    expect(handlers.onDelta.mock.calls).toEqual([
      ['Hi', ''],
      ['', 'th'],
    ]);
    expect(handlers.onFailure).not.toHaveBeenCalled();
  });

  it('reports an incomplete answer when the port closes before done', async () => {
    const { bg, handlers } = setup();
    post(bg, { type: 'bg→panel:delta', content: 'par' });
    bg.disconnect();
    await until(() => handlers.onFailure.mock.calls.length === 1);
    expect(handlers.onFailure.mock.calls[0][0].kind).toBe('incomplete');
    expect(handlers.onDone).not.toHaveBeenCalled();
  });

  it('passes errors through and ignores anything after them', async () => {
    const { bg, handlers } = setup();
    post(bg, { type: 'bg→panel:error', failure: { kind: 'http', status: 401 } });
    await until(() => handlers.onFailure.mock.calls.length === 1);
    expect(handlers.onFailure.mock.calls[0][0]).toEqual({ kind: 'http', status: 401 });
    await new Promise((r) => setTimeout(r, 20));
    expect(handlers.onFailure).toHaveBeenCalledTimes(1);
  });

  it('stop tells the worker, then closes the port without reporting a failure', async () => {
    const { bg, panel, handlers, handle } = setup();
    handle.stop();
    await until(() => bg.disconnected);
    expect(bg.received).toContainEqual({ type: 'panel→bg:stop' });
    expect(panel.disconnected).toBe(true);
    expect(handlers.onFailure).not.toHaveBeenCalled();
  });
});
