import { describe, expect, it } from 'vitest';
import { effectiveChoice, parseChoice } from '../../../utils/kimi/choice';
import { modelProfile } from '../../../utils/kimi/model-table';

describe('parseChoice', () => {
  it('keeps well-formed fields only', () => {
    expect(parseChoice({ model: 'kimi-k2.6', thinking: false, reasoningEffort: 'max', webSearch: true, extra: 1 })).toEqual({
      model: 'kimi-k2.6',
      thinking: false,
      reasoningEffort: 'max',
      webSearch: true,
    });
    expect(parseChoice({ model: 'a b', thinking: 'yes', reasoningEffort: 'huge' })).toBeUndefined();
    expect(parseChoice({ model: 'x'.repeat(129) })).toBeUndefined();
    expect(parseChoice(null)).toBeUndefined();
    expect(parseChoice('kimi-k2.6')).toBeUndefined();
  });
});

describe('effectiveChoice', () => {
  it('thinking is sent only where it is optional; always-on models think regardless', () => {
    expect(effectiveChoice(modelProfile('kimi-k2.6'), { thinking: false }, false)).toEqual({ thinking: false, thinkingOn: false, webSearch: false });
    expect(effectiveChoice(modelProfile('kimi-k2.7-code'), { thinking: false }, false)).toEqual({ thinkingOn: true, webSearch: false });
    expect(effectiveChoice(modelProfile('moonshot-v1-32k'), { thinking: true }, false)).toEqual({ thinkingOn: false, webSearch: false });
  });

  it('the saved web search setting applies until the conversation chooses', () => {
    expect(effectiveChoice(modelProfile('kimi-k2.6'), undefined, true).webSearch).toBe(true);
    expect(effectiveChoice(modelProfile('kimi-k2.6'), { webSearch: false }, true).webSearch).toBe(false);
  });

  it('web search and thinking that do not combine: optional thinking goes off, always-on thinking loses search, both say why', () => {
    expect(effectiveChoice(modelProfile('kimi-k2.5'), { webSearch: true }, false)).toEqual({
      thinking: false,
      thinkingOn: false,
      webSearch: true,
      note: 'search-turns-thinking-off',
    });
    expect(effectiveChoice(modelProfile('kimi-k2-thinking'), { webSearch: true }, false)).toEqual({
      thinkingOn: true,
      webSearch: false,
      note: 'search-not-with-thinking',
    });
    expect(effectiveChoice(modelProfile('kimi-k3'), { webSearch: true, reasoningEffort: 'low' }, false)).toEqual({
      thinkingOn: true,
      reasoningEffort: 'low',
      webSearch: true,
    });
  });
});
