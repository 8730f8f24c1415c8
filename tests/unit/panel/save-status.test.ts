import { describe, expect, it } from 'vitest';
import { SaveStatus } from '@/utils/panel/save-status';
import { isQuotaError } from '@/utils/storage/write-errors';

describe('the panel save status', () => {
  it('knows a full storage in Chromium and Firefox words', () => {
    expect(isQuotaError(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('Disk I/O error'))).toBe(false);
  });

  it('shows a failure until the same write succeeds, a full storage before any other failure', async () => {
    const s = new SaveStatus();
    let changes = 0;
    s.watch(() => changes++);
    s.failed('files:c1', new Error('Disk I/O error'));
    expect(s.current()).toEqual({ quota: false, detail: 'Disk I/O error' });
    await expect(s.track('conv:c1', () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')))).rejects.toThrow('quota');
    expect(s.current()?.quota).toBe(true);
    s.saved('conv:other');
    expect(s.current()?.quota).toBe(true);
    await s.track('conv:c1', async () => undefined);
    expect(s.current()).toEqual({ quota: false, detail: 'Disk I/O error' });
    s.saved('files:c1');
    expect(s.current()).toBeUndefined();
    expect(changes).toBe(4);
  });
});
