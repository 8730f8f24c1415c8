import { describe, expect, it } from 'vitest';
import { buildChatBody, type BuildChatInput } from '../../../utils/kimi/request';
import { sizeRequest } from '../../../utils/kimi/budget';
import { modelProfile } from '../../../utils/kimi/model-table';

const page = { url: 'https://example.org/a', title: 'Tides', text: 'The Moon pulls the oceans twice a day. '.repeat(1500), selection: '' };
const input = (over: Partial<BuildChatInput> = {}): BuildChatInput => ({
  ask: { mode: 'ask', question: 'Why two tides?', page, history: [] },
  model: 'moonshot-v1-32k',
  now: new Date('2026-11-26T13:03:00Z'),
  timeZone: 'UTC',
  locale: 'en',
  ...over,
});

describe('buildChatBody with sizedLater', () => {
  it('builds the same request except max_tokens, which the caller sizes', () => {
    const { max_tokens: sized, ...rest } = buildChatBody(input());
    const { max_tokens: unsized, ...restLater } = buildChatBody(input({ sizedLater: true }));
    expect(restLater).toEqual(rest);
    // A page this long leaves less room than the full cap: only the estimating build sees that.
    expect(unsized).toBeGreaterThan(sized);
  });

  it('sizeRequest then gives the request the room the window really has', async () => {
    const body = buildChatBody(input({ sizedLater: true }));
    const profile = modelProfile('moonshot-v1-32k');
    const sizing = await sizeRequest(body, profile, false, async () => undefined);
    expect(sizing.ok).toBe(true);
    if (sizing.ok) expect(sizing.maxTokens).toBeLessThanOrEqual(buildChatBody(input()).max_tokens);
  });
});
