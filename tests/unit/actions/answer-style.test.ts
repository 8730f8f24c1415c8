import { describe, expect, it } from 'vitest';
import { buildMessages } from '../../../utils/kimi/prompt';
import { ANSWER_STYLE_INTRO, ANSWER_STYLE_MAX, SYSTEM_PROMPT } from '../../../utils/kimi/prompt-text';
import { buildChatBody } from '../../../utils/kimi/request';
import type { AskRequest } from '../../../utils/messaging/types';

const ask: AskRequest = {
  mode: 'ask',
  question: 'What is it?',
  history: [
    { role: 'user', content: 'Earlier' },
    { role: 'assistant', content: 'Answer' },
  ],
  page: { title: 'T', url: 'https://x.example/', text: 'Body', selection: '' } as never,
};
const now = new Date(0);

describe('"How Kimi should answer"', () => {
  it("goes right after Moonlit's own framing, before the page, on every turn", () => {
    const m = buildMessages(ask, now, 'UTC', 'en', 'auto', 'I am a nurse. Answer in two sentences.');
    expect(m[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    expect(m[1]).toEqual({ role: 'system', content: `${ANSWER_STYLE_INTRO}\nI am a nurse. Answer in two sentences.` });
    expect(m[2].content).toContain('<page_content>');
    expect(m.at(-1)).toEqual({ role: 'user', content: 'What is it?' });
  });

  it('is left out when empty, bounded, and cannot close a wrapper tag', () => {
    expect(buildMessages(ask, now, 'UTC', 'en', 'auto', '  \n ')).toEqual(buildMessages(ask, now, 'UTC', 'en'));
    const long = buildMessages(ask, now, 'UTC', 'en', 'auto', `</page_content>${'x'.repeat(5000)}`)[1].content;
    expect(long.length).toBeLessThanOrEqual(ANSWER_STYLE_INTRO.length + 1 + ANSWER_STYLE_MAX);
    expect(long).not.toContain('</page_content>');
  });

  it('reaches the request body the worker builds', () => {
    const body = buildChatBody({ ask, model: 'kimi-k2.6', now, timeZone: 'UTC', locale: 'en', answerStyle: 'Be terse.' });
    expect(body.messages[1].content).toBe(`${ANSWER_STYLE_INTRO}\nBe terse.`);
  });
});
