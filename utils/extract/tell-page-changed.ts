import type { Message } from '../messaging/protocol';
import type { ChangeKind } from './change-watch';

type Runtime = { runtime?: { sendMessage?: (message: unknown) => unknown } };
type Namespaces = { browser?: Runtime; chrome?: Runtime };

/**
 * In the page reader: tells the worker that the page changed since the reader last answered
 * (change-watch.ts), so the worker stops reusing that answer. The bare runtime API: the reader ships
 * no polyfill. Nothing else travels but whether only the selection changed: no text, no selection.
 */
export function tellPageChanged(kind: ChangeKind = 'page', g: Namespaces = globalThis as unknown as Namespaces): void {
  // The first namespace that can send (Firefox has both; an element with id="browser" is not one).
  const runtime = [g.browser, g.chrome].map((n) => n?.runtime).find((r) => typeof r?.sendMessage === 'function');
  const message: Message<'page→bg:changed'> = { name: 'page→bg:changed', data: kind === 'selection' ? { selection: true } : {} };
  try {
    // No answer comes back; a worker that is gone (an update) is no error here.
    void Promise.resolve(runtime?.sendMessage?.(message)).catch(() => undefined);
  } catch {
    // The extension was reloaded under the page: its old reader has no one left to tell.
  }
}
