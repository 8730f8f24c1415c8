import { describe, expect, it } from 'vitest';
import { parseChunk, parseUsage } from '../../../utils/kimi/chunk';

describe('parseChunk', () => {
  it('reads choice 0 only, wherever it sits in the array', () => {
    const chunk = {
      choices: [
        { index: 1, delta: { content: 'B' } },
        { index: 0, delta: { content: 'A' }, finish_reason: 'stop' },
      ],
    };
    expect(parseChunk(chunk)).toEqual({ content: 'A', finishReason: 'stop' });
  });

  it('survives an empty choices array, a missing one and non-objects', () => {
    expect(parseChunk({ choices: [] })).toEqual({});
    expect(parseChunk({ id: 'x' })).toEqual({});
    expect(parseChunk(null)).toEqual({});
    expect(parseChunk({ choices: [null, 3] })).toEqual({});
  });

  it('prefers the choice usage and falls back to the top-level one', () => {
    const u = (n: number) => ({ prompt_tokens: n, completion_tokens: 1, cached_tokens: 0 });
    expect(parseChunk({ choices: [{ index: 0, delta: {}, usage: u(5) }], usage: u(9) }).usage?.promptTokens).toBe(5);
    expect(parseChunk({ choices: [], usage: u(9) }).usage?.promptTokens).toBe(9);
  });

  it('turns an error object or string into an error', () => {
    expect(parseChunk({ error: { type: 'server_error', message: 'm', code: 'c' } })).toEqual({ error: { type: 'server_error', message: 'm' } });
    expect(parseChunk({ error: 'plain' })).toEqual({ error: { message: 'plain' } });
  });

  it('ignores empty strings in deltas', () => {
    expect(parseChunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '', reasoning_content: '' } }] })).toEqual({});
  });
});

describe('parseUsage', () => {
  it('treats missing numbers as 0', () => {
    expect(parseUsage({})).toEqual({ promptTokens: 0, completionTokens: 0, cachedTokens: 0 });
    expect(parseUsage('x')).toBeUndefined();
  });
});
