// Inputs from other contexts are checked once, where they arrive: a malformed one-shot message gets no answer,
// a malformed ask-port message does nothing; a well-formed one reaches its handler typed.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../utils/background/messages';
import { handleAskPort } from '../../../utils/background/ask-session';
import { createPortPair } from '../helpers/fake-port';

const panelPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

describe('one-shot messages from the panel', () => {
  it.each([
    ['a name from Object.prototype', { name: 'toString', data: {} }],
    ['a name that is no string', { name: 42, data: {} }],
    ['a negative tab', { name: 'panel→bg:capture', data: { tabId: -1 } }],
    ['a fractional tab', { name: 'panel→bg:claim-action', data: { tabId: 1.5 } }],
    ['OCR without a name', { name: 'panel→bg:ocr', data: { transferId: 't' } }],
    ['no message at all', null],
  ])('%s: no answer', (_, message) => {
    expect(handleMessage(message, panelPage() as never)).toBeUndefined();
  });

  it('a well-formed one is answered', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 3'));
    await expect(handleMessage({ name: 'panel→bg:extract', data: { tabId: 3, known: 7 } }, panelPage() as never)).resolves.toMatchObject({
      ok: false,
      reason: 'no-tab',
    });
  });
});

describe('the ask port', () => {
  it('a check or a question with a malformed source reference reads nothing and sends nothing', async () => {
    const { panel, bg } = createPortPair('moonlit-ask');
    const extract = vi.fn(async () => ({ ok: false as const, reason: 'no-tab' as const }));
    const connect = vi.fn(async () => ({ kind: 'no-key' as const }));
    handleAskPort(bg as never, { balanceCheck: false, connect, extract });
    panel.postMessage({ type: 'panel→bg:check', verify: { tabId: '7', reading: 'r' } });
    panel.postMessage({ type: 'panel→bg:ask', request: { mode: 'ask', question: 'q', history: [], verify: { tabId: 7 } } });
    panel.postMessage({ type: 'panel→bg:page-text', text: 5 });
    // A well-formed question after them is the only one answered (no key here: an error, at once).
    panel.postMessage({ type: 'panel→bg:ask', request: { mode: 'ask', question: 'q', history: [] } });
    await vi.waitFor(() => expect(panel.received).toHaveLength(1));
    expect(panel.received).toEqual([{ type: 'bg→panel:error', failure: { kind: 'no-key' } }]);
    expect(extract).not.toHaveBeenCalled();
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
