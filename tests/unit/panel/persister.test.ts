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

describe('persister: a failed write is reported, never swallowed', () => {
  it('tells onError with the browser error, holds the value, and retry() writes it once there is room', async () => {
    let full = true;
    const saved: string[] = [];
    const errors: string[] = [];
    const ok: string[] = [];
    const p = createPersister(
      async (v: string) => {
        if (full) throw new Error('QUOTA_BYTES quota exceeded');
        saved.push(v);
      },
      10_000,
      { onError: (e, v) => errors.push(`${v}: ${(e as Error).message}`), onSaved: (v) => ok.push(v) },
    );
    p.schedule('turn 1', true);
    await p.flush();
    await vi.waitFor(() => expect(errors).toEqual(['turn 1: QUOTA_BYTES quota exceeded']));
    expect(p.hasFailed()).toBe(true);
    full = false;
    await p.retry();
    expect(saved).toEqual(['turn 1']);
    expect(ok).toEqual(['turn 1']);
    expect(p.hasFailed()).toBe(false);
    await p.retry(); // nothing failed any more: nothing written twice
    expect(saved).toEqual(['turn 1']);
  });

  it('a newer value written after a failure clears it; retry never writes an older value over a pending newer one', async () => {
    let fail = true;
    const saved: string[] = [];
    const p = createPersister(async (v: string) => {
      if (fail) throw new Error('disk I/O error');
      saved.push(v);
    }, 10_000);
    p.schedule('old', true);
    await vi.waitFor(() => expect(p.hasFailed()).toBe(true));
    fail = false;
    p.schedule('newer', false);
    await p.retry(); // 'newer' is pending: the retry must not put 'old' back
    expect(saved).toEqual([]);
    await p.flush();
    expect(saved).toEqual(['newer']);
    expect(p.hasFailed()).toBe(false);
  });
});
