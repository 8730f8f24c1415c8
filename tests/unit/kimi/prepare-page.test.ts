import { describe, expect, it } from 'vitest';
import { bodyBlob } from '../../../utils/kimi/body-blob';
import { preparePage } from '../../../utils/kimi/prepare-page';
import { buildChatBody } from '../../../utils/kimi/request';
import { estimateMessagesTokens } from '../../../utils/kimi/tokens';
import type { AskRequest } from '../../../utils/messaging/types';

const text = Array.from({ length: 600 }, (_, i) => `Paragraph ${i} of the harbour log: the "spring" tide \\ rose ${i % 7} metres.`).join('\n\n');
const page = { url: 'https://a.example/log', title: 'Log', text, selection: '', reading: 'r2' };
const ask: AskRequest = { mode: 'ask', question: 'What rose?', history: [], page, citations: { first: 1 } };
const body = () => buildChatBody({ ask, model: 'moonshot-v1-128k', now: new Date(0), timeZone: 'UTC', locale: 'en' });

describe('a page read ahead of the question (utils/kimi/prepare-page.ts)', () => {
  it('makes nothing the request would not: the same messages, estimate and bytes as a request built cold', async () => {
    const cold = body();
    const coldBytes = await bodyBlob(cold).text();
    // Another page in between (what was remembered of this one may be gone), then this one prepared again.
    preparePage({ ...page, text: `${text} (older)`, reading: 'r1' });
    preparePage({ ...page, text: ` ${text}`.slice(1) });
    const warm = body();
    expect(warm).toEqual(cold);
    expect(estimateMessagesTokens(warm.messages)).toBe(estimateMessagesTokens(cold.messages));
    expect(await bodyBlob(warm).text()).toBe(coldBytes);
    expect(coldBytes).toBe(JSON.stringify(cold));
    expect(coldBytes).toContain('[P1] Paragraph 0');
  });
});
