import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HEARTBEAT_MS, MAX_HOLD_MS, heartbeatRunning, holdAwake } from '../../../utils/background/heartbeat';

describe('heartbeat', () => {
  afterEach(() => vi.useRealTimers());

  it('beats only while a request is held, and stops when the last one ends', () => {
    vi.useFakeTimers();
    const beat = vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
    expect(heartbeatRunning()).toBe(false);
    const a = holdAwake();
    const b = holdAwake();
    vi.advanceTimersByTime(HEARTBEAT_MS * 2 + 1);
    expect(beat).toHaveBeenCalledTimes(2);
    a();
    a(); // releasing twice must not release someone else's hold
    expect(heartbeatRunning()).toBe(true);
    b();
    expect(heartbeatRunning()).toBe(false);
    vi.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(beat).toHaveBeenCalledTimes(2);
  });

  it('is bounded: a hold that is never released ends by itself', () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
    holdAwake();
    expect(heartbeatRunning()).toBe(true);
    vi.advanceTimersByTime(MAX_HOLD_MS + 1);
    expect(heartbeatRunning()).toBe(false);
  });
});
