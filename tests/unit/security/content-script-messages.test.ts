// Every one-shot message the background knows, sent by anything but Moonlit's own pages, gets no answer at all —
// whatever its shape. The names are read from protocol.ts, so a new message is covered the day it is added.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../utils/background/messages';
import { setApiKey } from '../../../utils/storage/secret-store';

const names = [...new Set([...readFileSync(resolve('utils/messaging/protocol.ts'), 'utf8').matchAll(/'([a-z]+→[a-z]+:[a-z-]+)'\s*:/g)].map((m) => m[1]))];

const shapes = (name: string) => [
  { name },
  { name, data: {} },
  { name, data: { tabId: 1 } },
  { name, data: { platform: 'international', customEndpoint: '' } },
  { name, data: { platform: 'custom', customEndpoint: 'http://127.0.0.1:9/v1', apiKey: 'sk-typed-by-page' } },
];

const senders = {
  'a content script (page URL, our id, a tab)': () => ({ id: fakeBrowser.runtime.id, url: 'https://evil.example/page', tab: { id: 1 } }),
  'a content script in a frame': () => ({ id: fakeBrowser.runtime.id, url: 'https://evil.example/frame', tab: { id: 1 }, frameId: 3 }),
  'another extension showing our URL': () => ({ id: 'other-extension-id', url: fakeBrowser.runtime.getURL('/options.html') }),
  'a sender without a URL': () => ({ id: fakeBrowser.runtime.id }),
  'a page on a look-alike origin': () => ({ id: fakeBrowser.runtime.id, url: `https://x.example/${fakeBrowser.runtime.getURL('/')}` }),
};

describe("one-shot messages from outside Moonlit's pages", () => {
  it('protocol.ts declares the messages this test tries', () => {
    expect(names).toContain('panel→bg:extract');
    expect(names).toContain('options→bg:test-connection');
  });

  for (const [who, sender] of Object.entries(senders)) {
    it(`get no answer from ${who}`, async () => {
      await setApiKey('sk-unit-secret-0123456789');
      for (const name of names) {
        for (const message of shapes(name)) {
          expect(handleMessage(message, sender() as never), `${name} ${JSON.stringify(message)}`).toBeUndefined();
        }
      }
    });
  }

  it('are answered when they come from our own page (the check above can fail)', () => {
    const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const reply = handleMessage({ name: 'options→bg:test-connection', data: { platform: 'international', customEndpoint: '' } }, own as never);
    expect(reply).toBeInstanceOf(Promise);
    void (reply as Promise<unknown>).catch(() => undefined);
  });
});
