import { afterEach, describe, expect, it } from 'vitest';
import { handOver, memoryTransfer, takeOver, TRANSFER_TTL_MS, useTransferBackend } from '../../../utils/documents/transfer';

afterEach(() => useTransferBackend(undefined));

describe('document transfer (panel → worker)', () => {
  it('hands the bytes over once, as a copy', async () => {
    useTransferBackend(memoryTransfer());
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const id = await handOver(bytes, 1000);
    bytes[0] = 99; // the panel's buffer may change or be detached afterwards
    expect(await takeOver(id, 1000)).toEqual(new Uint8Array([1, 2, 3, 250]));
    expect(await takeOver(id, 1000)).toBeNull();
  });

  it('refuses an unknown or expired id, and sweeps what a closed panel left behind', async () => {
    const backend = memoryTransfer();
    useTransferBackend(backend);
    expect(await takeOver('nope')).toBeNull();
    const old = await handOver(new Uint8Array([1]), 0);
    expect(await takeOver(old, TRANSFER_TTL_MS + 1)).toBeNull();
    const stale = await handOver(new Uint8Array([2]), 0);
    await handOver(new Uint8Array([3]), TRANSFER_TTL_MS + 5); // sweeps entries older than the time limit
    expect(await backend.take(stale)).toBeUndefined();
  });
});
