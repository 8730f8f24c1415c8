/**
 * A linked pair of runtime.Port fakes: what one side posts, the other
 * receives (asynchronously, like the real thing). WXT's fake browser does not
 * implement runtime.connect, so streaming is tested with these.
 */
type Listener = (message: unknown) => void;

export interface FakePort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
  onDisconnect: { addListener(l: () => void): void; removeListener(l: () => void): void };
  /** Everything this side has received, in order. */
  received: unknown[];
  disconnected: boolean;
}

function makeSide(name: string): FakePort & { _deliver(m: unknown): void; _drop(): void; peer?: FakePort & { _deliver(m: unknown): void; _drop(): void } } {
  const messageListeners = new Set<Listener>();
  const disconnectListeners = new Set<() => void>();
  const side = {
    name,
    received: [] as unknown[],
    disconnected: false,
    peer: undefined as undefined | ReturnType<typeof makeSide>,
    postMessage(message: unknown) {
      if (side.disconnected) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      queueMicrotask(() => side.peer?._deliver(copy));
    },
    disconnect() {
      if (side.disconnected) return;
      side.disconnected = true;
      // Like browsers: the side that calls disconnect() gets no onDisconnect.
      queueMicrotask(() => side.peer?._drop());
    },
    onMessage: { addListener: (l: Listener) => messageListeners.add(l), removeListener: (l: Listener) => messageListeners.delete(l) },
    onDisconnect: {
      addListener: (l: () => void) => disconnectListeners.add(l),
      removeListener: (l: () => void) => disconnectListeners.delete(l),
    },
    _deliver(message: unknown) {
      if (side.disconnected) return;
      side.received.push(message);
      for (const l of messageListeners) l(message);
    },
    _drop() {
      if (side.disconnected) return;
      side.disconnected = true;
      for (const l of disconnectListeners) l();
    },
  };
  return side;
}

export function createPortPair(name: string, sender?: FakePort['sender']): { panel: FakePort; bg: FakePort } {
  const panel = makeSide(name);
  const bg = makeSide(name);
  panel.peer = bg;
  bg.peer = panel;
  bg.sender = sender;
  return { panel, bg };
}

/** Resolves when `predicate` holds, polling on the macrotask queue; bounded generously, so a busy machine only makes it slower. */
export async function until(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A connect() (the panel's runtime.connect) that hands out a fresh pair each call and remembers them. */
export function portConnector() {
  const pairs: { panel: FakePort; bg: FakePort }[] = [];
  let calls = 0;
  const connect = (() => {
    calls++;
    const pair = createPortPair('moonlit-ask');
    pairs.push(pair);
    return pair.panel;
  }) as unknown as (info: { name: string }) => ReturnType<typeof import('wxt/browser').browser.runtime.connect>;
  return { pairs, connect, calls: () => calls };
}
