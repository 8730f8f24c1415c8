// Shared set-up for unit tests: WXT's fake browser, plus the pieces it leaves
// unimplemented that our code needs (i18n), backed by the real English strings.
import { afterAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/preact';
import en from '../../public/_locales/en/messages.json';
import { memoryBackend, useSecretBackend } from '../../utils/storage/secret-store';
import './markdown/happy-dom-node-name';

type Messages = Record<string, { message: string }>;

export function formatMessage(messages: Messages, key: string, subs: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

// waitFor and findBy* wait on a state, not a time: their default 1 s limit failed a file-reading test
// on a loaded machine, so they wait up to half the test timeout (vitest.config.ts) instead.
configure({ asyncUtilTimeout: 30_000 });
const waitForState = vi.waitFor;
vi.waitFor = ((callback, options) => waitForState(callback, typeof options === 'number' ? options : { timeout: 30_000, ...options })) as typeof vi.waitFor;

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, subs?: string | string[]) => formatMessage(en as Messages, key, subs === undefined ? [] : ([] as string[]).concat(subs)),
  getUILanguage: () => 'en',
});

// Preact's hooks run effects after the next frame. In a full run beside the browsers, a DOM file once found the
// worker's global requestAnimationFrame gone (files share a worker, vitest.config.ts): every effect then failed and
// its tests waited out their time. A DOM test gets the frame functions back from its window, or made from timers.
const FRAME_FALLBACKS = {
  requestAnimationFrame: (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
  cancelAnimationFrame: (id: number) => clearTimeout(id),
};
function frameFunctionsBack(): void {
  if (typeof document === 'undefined') return;
  const g = globalThis as unknown as Record<string, unknown>;
  const win = (typeof window !== 'undefined' && (window as unknown) !== g ? window : undefined) as unknown as Record<string, unknown> | undefined;
  for (const name of Object.keys(FRAME_FALLBACKS) as (keyof typeof FRAME_FALLBACKS)[]) {
    if (typeof g[name] === 'function') continue;
    const own = win?.[name];
    g[name] = typeof own === 'function' ? own.bind(win) : FRAME_FALLBACKS[name];
  }
}

beforeEach(() => {
  frameFunctionsBack();
  fakeBrowser.reset();
  useSecretBackend(memoryBackend());
});

// Files share a worker's DOM (vitest.config.ts): what one left in the page must not show in the next one's queries.
afterAll(() => {
  if (typeof document !== 'undefined') document.body.replaceChildren();
});
