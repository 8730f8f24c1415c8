import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPersister } from '../../../utils/panel/persister';

describe('persister', () => {
  afterEach(() => vi.useRealTimers());

  it('writes streaming text at most once per interval, with the latest value', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const p = createPersister(async (v: string) => void saved.push(v), 400);
    p.schedule('a', false);
    p.schedule('ab', false);
    p.schedule('abc', false);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['abc']);
  });

  it('writes structural changes at once, and flush writes what is pending', async () => {
    const saved: string[] = [];
    const p = createPersister(async (v: string) => void saved.push(v), 10_000);
    p.schedule('turn added', true);
    p.schedule('delta', false);
    await p.flush();
    expect(saved).toEqual(['turn added', 'delta']);
    await p.flush();
    expect(saved).toHaveLength(2);
  });
});

describe('persister.cancel', () => {
  it('forgets a pending value: nothing is written, later values still are', async () => {
    vi.useFakeTimers();
    try {
      const saved: string[] = [];
      const p = createPersister(async (v: string) => void saved.push(v), 100);
      p.schedule('taken back', false);
      p.cancel();
      await vi.advanceTimersByTimeAsync(500);
      await p.flush();
      expect(saved).toEqual([]);
      p.schedule('kept', true);
      await vi.advanceTimersByTimeAsync(0);
      expect(saved).toEqual(['kept']);
    } finally {
      vi.useRealTimers();
    }
  });
});
