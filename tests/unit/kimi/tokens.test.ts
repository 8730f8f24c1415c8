import { describe, expect, it } from 'vitest';
import { estimateMessagesTokens, estimateTokens } from '../../../utils/kimi/tokens';

describe('estimateTokens', () => {
  it('is 0 for empty text and grows with text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('hello world hello world')).toBeGreaterThan(estimateTokens('hello world'));
  });

  it('counts at least one token per Chinese character (the FAQ: 128k tokens ≈ 200k characters)', () => {
    const zh = '月亮绕着地球转，潮汐每天涨落两次。这是一个关于引力的故事。';
    expect(estimateTokens(zh)).toBeGreaterThanOrEqual(Array.from(zh).length);
  });

  it('counts at least one token per 4 characters of English', () => {
    const english = 'The Moon pulls on the oceans, and the Earth turns underneath the bulge it raises, so most coasts see two tides a day.';
    expect(estimateTokens(english)).toBeGreaterThanOrEqual(Math.ceil(english.length / 4));
  });

  it('counts code generously (every symbol, indentation)', () => {
    const code = 'function f(a, b) {\n    return a[b] ?? {};\n}\n';
    // A typical BPE tokenizer needs ~20 tokens for this; the estimate must not be lower.
    expect(estimateTokens(code)).toBeGreaterThanOrEqual(20);
  });

  it('counts emoji and other scripts', () => {
    expect(estimateTokens('😀😀')).toBe(4);
    expect(estimateTokens('Привет мир')).toBeGreaterThanOrEqual(5);
  });

  it('adds framing per message', () => {
    expect(estimateMessagesTokens([{ content: '' }, { content: '' }])).toBeGreaterThan(estimateMessagesTokens([{ content: '' }]));
  });
});
