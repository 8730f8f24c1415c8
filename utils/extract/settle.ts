export interface SettleOptions {
  /** How long the DOM must stay unchanged. */
  quietMs?: number;
  /** Give up waiting after this long and read whatever is there. */
  maxMs?: number;
}

/**
 * Resolves once the page stops adding or changing content (single-page apps
 * render after load), or after `maxMs` at most. Attribute changes are
 * ignored: animations and hover states flip them forever.
 */
export function waitForQuiet(doc: Document, win: Window, { quietMs = 300, maxMs = 3000 }: SettleOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    let quiet = 0;
    const done = () => {
      observer.disconnect();
      win.clearTimeout(quiet);
      win.clearTimeout(limit);
      resolve();
    };
    const observer = new (win as Window & typeof globalThis).MutationObserver(() => {
      win.clearTimeout(quiet);
      quiet = win.setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, characterData: true, subtree: true });
    quiet = win.setTimeout(done, quietMs);
    const limit = win.setTimeout(done, Math.max(quietMs, maxMs));
  });
}
