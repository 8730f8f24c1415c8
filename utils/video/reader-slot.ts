// Where the video reader leaves itself in the page's isolated world, so the worker can call it with
// arguments (an injected file takes none). Per extension version: an update must not run an older one.
import type { VideoReadOptions } from './read-video';

export const videoReaderSlot = (version: string): string => `__moonlitVideoReader@${version}`;

type Read = (opts: VideoReadOptions) => Promise<unknown>;

function ownVersion(): string {
  const chrome = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome;
  return chrome?.runtime?.getManifest?.().version ?? '';
}

/** In the video reader: leaves `read` for the worker to call. */
export function leaveVideoReader(read: Read, version = ownVersion()): true {
  (globalThis as unknown as Record<string, Read>)[videoReaderSlot(version)] = read;
  return true;
}

/** Runs in the page (scripting.executeScript `func`: self-contained): the reader left there, or null. */
export function callVideoReader(slot: string, opts: VideoReadOptions): Promise<unknown> | null {
  const read = (globalThis as unknown as Record<string, ((o: VideoReadOptions) => Promise<unknown>) | undefined>)[slot];
  return typeof read === 'function' ? read(opts) : null;
}
