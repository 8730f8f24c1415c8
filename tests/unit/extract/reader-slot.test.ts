import { afterEach, describe, expect, it, vi } from 'vitest';
import { callLeftReader, leaveReader, readerSlot } from '@/utils/extract/reader-slot';

const global = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  for (const k of Object.keys(global)) if (k.startsWith('__moonlitPageReader@')) delete global[k];
});

describe('the reader left in the page', () => {
  it('is none before the page reader ran', () => {
    expect(callLeftReader(readerSlot('1.0.0'))).toBeNull();
  });

  it('runs the same read again, with the state it keeps in its slot', async () => {
    const read = vi.fn(async (slot: Record<string, unknown>) => (slot.count = ((slot.count as number) ?? 0) + 1));
    expect(await leaveReader(read, '1.0.0')).toBe(1);
    expect(await callLeftReader(readerSlot('1.0.0'))).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('belongs to one extension version: another version finds none', async () => {
    await leaveReader(async () => 'old', '1.0.0');
    expect(callLeftReader(readerSlot('1.1.0'))).toBeNull();
  });
});
