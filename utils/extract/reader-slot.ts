/**
 * Where the page reader leaves itself in the page's isolated world (only
 * Moonlit's own scripts see it), so the next question can call it instead of
 * injecting the whole script again. Per extension version: an update must
 * not run an older reader.
 */
export const readerSlot = (version: string): string => `__moonlitPageReader@${version}`;

export interface ReaderSlot {
  read?: (known?: string) => Promise<unknown>;
  [key: string]: unknown;
}

/**
 * Runs in the page (scripting.executeScript `func`: self-contained, no
 * imports): the reader left there, or null when this document has none.
 */
export function callLeftReader(slot: string, known?: string | null): Promise<unknown> | null {
  const left = (globalThis as unknown as Record<string, { read?: (known?: string) => Promise<unknown> } | undefined>)[slot];
  return left && typeof left.read === 'function' ? left.read(known ?? undefined) : null;
}

/** The running extension's version, as both the worker and the page reader see it. */
function ownVersion(): string {
  const chrome = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome;
  return chrome?.runtime?.getManifest?.().version ?? '';
}

/** In the page reader: leaves `read` (bound to the slot that keeps its state) and runs it. */
export function leaveReader(read: (slot: ReaderSlot, known?: string) => Promise<unknown>, version = ownVersion()): Promise<unknown> {
  const global = globalThis as unknown as Record<string, ReaderSlot | undefined>;
  const slot = (global[readerSlot(version)] ??= {});
  slot.read = (known) => read(slot, known);
  return slot.read();
}
