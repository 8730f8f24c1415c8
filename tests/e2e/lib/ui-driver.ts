// The few things the e2e flow does to a page, so one flow (flow-*.ts) drives Chromium (Playwright) and
// Firefox (Puppeteer over BiDi) alike. Elements are found by role and accessible name, as a user finds them.

export type Role = 'button' | 'textbox' | 'combobox' | 'status' | 'alert';

export interface UiPage {
  /** Replaces the value of the textbox with this accessible name by typing into it. */
  fill(name: string, value: string): Promise<void>;
  /** Picks the option with this value in the combobox with this accessible name. */
  select(name: string, value: string): Promise<void>;
  /** Clicks the button with this accessible name. */
  click(name: string): Promise<void>;
  /** How many visible elements have this role and accessible name. */
  count(role: Role, name: string): Promise<number>;
  /** Runs `fn` in the page; `arg` must be JSON-serialisable. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Writes a PNG of the page, for a failure report. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export class WaitTimeout extends Error {}

/**
 * `fn` applied to `arg` as a source string for page.evaluate. tsx compiles with esbuild's keepNames, which
 * wraps named inner functions in `__name(...)`, a helper that exists only in Node: the page gets a no-op one.
 */
export function pageScript(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
}

/**
 * The in-page side of waitInPage: `fn` is tried at once, again at each DOM mutation (at most every 10 ms), and the
 * call returns at the first truthy value or after `maxMs`. One driver round trip per `maxMs` instead of one per poll:
 * with four suites beside each other on two cores, the round trips were a tenth of the end-to-end suites' CPU.
 * Built from `fn`'s source, since it runs in the page (pageScript gives it `__name`).
 */
function inPageWaiter<T, A>(fn: (arg: A) => T | Promise<T>): (input: { arg: A; maxMs: number }) => Promise<{ hit: boolean; value?: T; error?: string }> {
  const body = `
    const fn = (${fn.toString()});
    const { arg, maxMs } = input;
    return new Promise((resolve) => {
      let done = false, busy = false, again = false, last = 0;
      const finish = (r) => { if (done) return; done = true; observer.disconnect(); clearTimeout(timer); resolve(r); };
      const check = async () => {
        if (done) return;
        if (busy) { again = true; return; }
        busy = true;
        last = performance.now();
        try {
          const value = await fn(arg);
          if (value) finish({ hit: true, value });
        } catch (e) {
          finish({ hit: false, error: String(e) });
        } finally {
          busy = false;
          if (again && !done) { again = false; void check(); }
        }
      };
      const observer = new MutationObserver(() => { if (performance.now() - last >= 10) void check(); });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => finish({ hit: false }), maxMs);
      void check();
    });`;
  return new Function('input', body) as never;
}

/**
 * Waits until `fn`, run in the page, returns a truthy value and returns that value. Bounded: throws a
 * WaitTimeout naming `what` (and the last value seen, via `describe`) after `timeoutMs`.
 */
export async function waitInPage<T, A>(
  page: UiPage,
  what: string,
  fn: (arg: A) => T | Promise<T>,
  arg: A,
  { timeoutMs = 30_000, intervalMs = 50, describe }: { timeoutMs?: number; intervalMs?: number; describe?: () => Promise<string> } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  const waiter = inPageWaiter(fn);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const r = await page.evaluate(waiter, { arg, maxMs: Math.max(intervalMs, Math.min(300, deadline - Date.now())) });
      if (r.hit) return r.value as NonNullable<T>;
      if (r.error === undefined) continue;
      lastError = r.error;
    } catch (err) {
      // The page may be navigating or re-rendering; keep trying until the deadline.
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const seen = describe ? await describe().catch((e: unknown) => `(could not describe: ${String(e)})`) : '';
  const cause = lastError ? ` Last error: ${String(lastError)}` : '';
  throw new WaitTimeout(`Timed out after ${timeoutMs} ms waiting for ${what}.${seen ? ` Seen: ${seen}` : ''}${cause}`);
}

/** Polls a Node-side condition (e.g. the simulator's log), bounded like waitInPage. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new WaitTimeout(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}

/** Rejects after `ms` with a message naming the step, so no single browser call can hang a test run. */
export async function bounded<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WaitTimeout(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How long a page load may take before the test calls it hung: generous, because `npm test` runs three browsers on
 * two cores, and a 20 MB page took over 15 s to load there under a CPU hog.
 */
export const LOAD_TIMEOUT_MS = 60_000;
