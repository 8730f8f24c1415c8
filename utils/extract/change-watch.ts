/**
 * After the page reader answers a check, the worker may reuse that answer for the next questions instead of
 * asking the tab again (a round trip of several milliseconds before every request): only until the page says
 * something changed. So the reader watches, once, for anything its answer depends on — the selection, the
 * main text's element (`watched`, reuse.ts), the URL, the document going away — and tells the worker at the
 * first sign. Changes elsewhere in the page do not count: the text is read from `watched` alone. One message per answer
 * at most: the watch ends when it fires, and the next check arms it again.
 */
const KEY = '__moonlitChangeWatch';

interface Watch {
  stop(): void;
}

type Store = Record<string, unknown>;

/** What changed: only the selection (the panel shows it, so it wants the new one), or anything else. */
export type ChangeKind = 'selection' | 'page';

export function watchForChange(
  watched: Node,
  doc: Document,
  win: Window,
  onChange: (kind: ChangeKind) => void,
  store: Store = globalThis as unknown as Store,
): void {
  if (store[KEY]) return; // armed already; it fires at the first change either way
  const w = win as Window & typeof globalThis & { navigation?: EventTarget };
  const fire = (e?: unknown) => {
    stop();
    onChange((e as Event | undefined)?.type === 'selectionchange' ? 'selection' : 'page');
  };
  const observer = new w.MutationObserver(fire);
  observer.observe(watched, { subtree: true, childList: true, characterData: true, attributes: true });
  // Taken out of the page: the parent's list changes, which a watch on the subtree alone does not see.
  if (watched.parentNode) observer.observe(watched.parentNode, { childList: true });
  // selectionchange also reaches the document, in capture, from a text field's own selection.
  const targets: [EventTarget, string][] = [
    [doc, 'selectionchange'],
    [w, 'hashchange'],
    [w, 'popstate'],
    [w, 'pagehide'],
  ];
  // pushState fires no event of its own; the Navigation API (Chromium) reports it.
  if (w.navigation) targets.push([w.navigation, 'navigate']);
  for (const [t, type] of targets) t.addEventListener(type, fire, true);
  const stop = () => {
    observer.disconnect();
    for (const [t, type] of targets) t.removeEventListener(type, fire, true);
    if (store[KEY] === watch) delete store[KEY];
  };
  const watch: Watch = { stop };
  store[KEY] = watch;
}
