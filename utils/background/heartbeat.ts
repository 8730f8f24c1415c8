import { browser } from 'wxt/browser';

/**
 * Keeps the MV3 worker (and Firefox's event page) alive while a Kimi request
 * is in flight: a pending fetch doesn't count as activity, and a thinking
 * model can be silent for longer than the 30 s idle limit. Calling a trivial
 * extension API resets the idle timer. Bounded: it only runs while at least
 * one request is open, and each request holds it for at most MAX_HOLD_MS.
 */
export const HEARTBEAT_MS = 20_000;
export const MAX_HOLD_MS = 10 * 60_000;

let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function beat(): void {
  void browser.runtime.getPlatformInfo().catch(() => undefined);
}

/** Start holding the worker awake; call the returned function when the request ends. */
export function holdAwake(): () => void {
  holders += 1;
  if (!timer) timer = setInterval(beat, HEARTBEAT_MS);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(cap);
    holders -= 1;
    if (holders === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const cap = setTimeout(release, MAX_HOLD_MS);
  return release;
}

/** For tests: whether a heartbeat is running now. */
export const heartbeatRunning = (): boolean => timer !== undefined;
