import { describe, expect, it, vi } from 'vitest';
import { openAsk, reservePort } from '../../../utils/panel/ask-stream';
import { warmPort } from '../../../utils/panel/warm-port';
import type { AskRequest } from '../../../utils/messaging/types';
import { portConnector, until } from '../helpers/fake-port';

const verify = { tabId: 7, reading: 'r1' };

/** warmPort over fake port pairs. */
function setup() {
  const { pairs, connect, calls } = portConnector();
  const door = warmPort(() => reservePort(connect));
  return { pairs, connect: { calls }, door };
}

const ask = (port: ReturnType<ReturnType<typeof warmPort>['take']>) => {
  const request: AskRequest = { mode: 'ask', question: 'Why?', history: [], verify };
  openAsk(request, { onDelta: vi.fn(), onDone: vi.fn(), onFailure: vi.fn() }, port.connect);
};
const types = (received: unknown[]) => received.map((m) => (m as { type: string }).type);

describe('warmPort', () => {
  it('typing opens one port and posts the page check once; the question goes on that port', async () => {
    const { pairs, connect, door } = setup();
    door.warm(verify);
    door.warm(verify);
    door.warm(verify);
    expect(connect.calls()).toBe(1);
    await until(() => pairs[0].bg.received.length === 1);
    expect(pairs[0].bg.received[0]).toEqual({ type: 'panel→bg:check', verify });
    ask(door.take());
    expect(connect.calls()).toBe(1);
    // openAsk's own check comes too; the worker answers both from one reading (utils/background/tab-sources.ts).
    await until(() => pairs[0].bg.received.length === 3);
    expect(types(pairs[0].bg.received)).toEqual(['panel→bg:check', 'panel→bg:check', 'panel→bg:ask']);
  });

  it('typing about no held page only opens the port; a new reading is checked again', async () => {
    const { pairs, door } = setup();
    door.warm(undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(pairs[0].bg.received).toEqual([]);
    door.warm(verify);
    door.warm({ ...verify, reading: 'r2' });
    await until(() => pairs[0].bg.received.length === 2);
    expect(pairs[0].bg.received.map((m) => (m as { verify: { reading: string } }).verify.reading)).toEqual(['r1', 'r2']);
  });

  it('pressing Send posts the check again, on the same port', async () => {
    const { pairs, connect, door } = setup();
    door.warm(verify);
    door.press(verify);
    await until(() => pairs[0].bg.received.length === 2);
    expect(pairs[0].bg.received).toEqual([
      { type: 'panel→bg:check', verify },
      { type: 'panel→bg:check', verify },
    ]);
    expect(connect.calls()).toBe(1);
  });

  it('take hands the port over once: the next question opens its own; dispose closes a warm one', () => {
    const { pairs, connect, door } = setup();
    door.warm(verify);
    const first = door.take();
    expect(first.usable()).toBe(true);
    door.take();
    expect(connect.calls()).toBe(2);
    door.warm(verify);
    door.dispose();
    expect(pairs[2].panel.disconnected).toBe(true);
  });

  it('a warm port the worker closed (it went idle) is replaced, and the check posted on the new one', async () => {
    const { pairs, connect, door } = setup();
    door.warm(verify);
    pairs[0].bg.disconnect();
    await until(() => pairs[0].panel.disconnected);
    door.warm(verify);
    expect(connect.calls()).toBe(2);
    await until(() => pairs[1].bg.received.length === 1);
    expect(pairs[1].bg.received[0]).toEqual({ type: 'panel→bg:check', verify });
  });
});
