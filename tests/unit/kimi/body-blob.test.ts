import { describe, expect, it } from 'vitest';
import { bodyBlob } from '../../../utils/kimi/body-blob';

const long = (s: string) => Array.from({ length: 2_000 }, (_, i) => `${s} ${i}`).join('\n');

describe('bodyBlob', () => {
  it.each([
    ['a short body', { model: 'm', messages: [{ role: 'user', content: 'Hi "there"\n' }] }],
    [
      'a long page message',
      {
        model: 'm',
        messages: [
          { role: 'system', content: 'rules' },
          { role: 'system', content: long('Line "quoted" \\ back\u2028') },
          { role: 'user', content: 'Q' },
        ],
        stream: true,
      },
    ],
    [
      'page text posing as the placeholder',
      { model: 'm', messages: [{ role: 'system', content: long('\u0000moonlit-hole-abc\u0000 "\\u0000moonlit-hole-') }] },
    ],
    [
      'CJK and emoji',
      {
        model: 'm',
        messages: [
          { role: 'system', content: long('月光 🌙 文本') },
          { role: 'user', content: '总结' },
        ],
      },
    ],
  ])('%s: exactly the bytes of JSON.stringify', async (_, body) => {
    const blob = bodyBlob(body);
    expect(await blob.text()).toBe(JSON.stringify(body));
    expect(blob.type).toBe('application/json');
    // Asked again (a follow-up): the same bytes, the page part reused.
    expect(await bodyBlob({ ...body, messages: [...body.messages, { role: 'user', content: 'And?' }] }).text()).toBe(
      JSON.stringify({ ...body, messages: [...body.messages, { role: 'user', content: 'And?' }] }),
    );
  });
});
