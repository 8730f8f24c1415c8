import { describe, expect, it, vi } from 'vitest';
import { openAsk, reservePort } from '../../../utils/panel/ask-stream';
import type { AskRequest } from '../../../utils/messaging/types';
import { portConnector, until } from '../helpers/fake-port';

const request: AskRequest = { mode: 'ask', question: 'Why?', history: [] };
/** A connect() that hands out a fresh fake pair each call and remembers them. */
const connector = portConnector;

const handlers = () => ({ onStart: vi.fn(), onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn() });

describe('reservePort', () => {
  it('opens the port at once and asks the question on that same port later', async () => {
    const { pairs, connect, calls } = connector();
    const reserved = reservePort(connect);
    expect(calls()).toBe(1);
    expect(pairs[0].bg.received).toEqual([]);
    openAsk(request, handlers(), reserved.connect);
    await until(() => pairs[0].bg.received.length === 1);
    expect(pairs[0].bg.received[0]).toEqual({ type: 'panel→bg:ask', request });
    expect(calls()).toBe(1);
  });

  it('release() closes a port that was never used, and does nothing once it was handed over', async () => {
    const first = connector();
    reservePort(first.connect).release();
    expect(first.pairs[0].panel.disconnected).toBe(true);

    const second = connector();
    const reserved = reservePort(second.connect);
    const h = handlers();
    openAsk(request, h, reserved.connect);
    reserved.release();
    await until(() => second.pairs[0].bg.received.length === 1);
    expect(second.pairs[0].panel.disconnected).toBe(false);
    expect(h.onFailure).not.toHaveBeenCalled();
  });

  it('a port the worker closed meanwhile is replaced by a new one', async () => {
    const { pairs, connect, calls } = connector();
    const reserved = reservePort(connect);
    pairs[0].bg.disconnect(); // e.g. the worker restarted
    await until(() => pairs[0].panel.disconnected);
    const h = handlers();
    openAsk(request, h, reserved.connect);
    expect(calls()).toBe(2);
    await until(() => pairs[1].bg.received.length === 1);
    expect(pairs[1].bg.received[0]).toEqual({ type: 'panel→bg:ask', request });
    expect(h.onFailure).not.toHaveBeenCalled();
  });

  it('hands the reserved port over only once', () => {
    const { connect, calls } = connector();
    const reserved = reservePort(connect);
    const a = reserved.connect({ name: 'moonlit-ask' });
    const b = reserved.connect({ name: 'moonlit-ask' });
    expect(a).not.toBe(b);
    expect(calls()).toBe(2);
  });
});
