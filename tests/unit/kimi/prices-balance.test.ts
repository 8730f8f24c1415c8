import { describe, expect, it } from 'vitest';
import { currencyFor, formatMoney, isLow, parseBalance } from '../../../utils/kimi/balance';
import { localPromptTokens, hasMedia, sizeRequest } from '../../../utils/kimi/budget';
import { modelProfile } from '../../../utils/kimi/model-table';
import { largerModelFor } from '../../../utils/kimi/larger-model';
import type { ChatBody } from '../../../utils/kimi/request';

describe('balance', () => {
  it('parses the documented body and knows the currency by platform', () => {
    expect(
      parseBalance('{"code":0,"data":{"available_balance":49.58894,"voucher_balance":46.58893,"cash_balance":3.00001},"scode":"0x0","status":true}'),
    ).toEqual({
      available: 49.58894,
      cash: 3.00001,
      voucher: 46.58893,
    });
    expect(parseBalance('{"error":{"message":"x"}}')).toBeUndefined();
    expect(parseBalance('<html>')).toBeUndefined();
    expect(currencyFor('https://api.moonshot.ai/v1')).toBe('USD');
    expect(currencyFor('https://api.moonshot.cn/v1')).toBe('CNY');
    expect(currencyFor('http://127.0.0.1:8787/v1')).toBeUndefined();
  });

  it('warns below a per-currency threshold and formats money', () => {
    expect(isLow(0.5, 'USD')).toBe(true);
    expect(isLow(5, 'USD')).toBe(false);
    expect(isLow(5, 'CNY')).toBe(true);
    expect(formatMoney(15.25, 'USD', 'en')).toBe('$15.25');
    expect(formatMoney(120.5, 'CNY', 'zh-CN')).toBe('¥120.50');
  });
});

describe('budget', () => {
  const profile = modelProfile('moonshot-v1-8k');
  const body = (text: string, extra: Partial<ChatBody> = {}): ChatBody => ({
    model: 'moonshot-v1-8k',
    stream: true,
    max_tokens: 1,
    messages: [{ role: 'user', content: text }],
    ...extra,
  });

  it('counts tools, thinking and tool calls locally', () => {
    const plain = localPromptTokens(body('hello'));
    expect(localPromptTokens(body('hello', { tools: [{ type: 'function', function: { name: 'calculator' } }] }))).toBeGreaterThan(plain);
    expect(localPromptTokens({ messages: [{ role: 'assistant', content: '', reasoning_content: 'thinking hard about it' }] })).toBeGreaterThan(
      localPromptTokens({ messages: [{ role: 'assistant', content: '' }] }),
    );
  });

  it('asks the server only near the limit or with images', async () => {
    let calls = 0;
    const count = async () => (calls++, 100);
    await sizeRequest(body('short'), profile, false, count);
    expect(calls).toBe(0);
    const withImage = body('');
    withImage.messages[0].content = [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } }] as never;
    expect(hasMedia(withImage)).toBe(true);
    const sized = await sizeRequest(withImage, profile, false, count);
    expect(calls).toBe(1);
    expect(sized).toMatchObject({ ok: true, counted: 'server', maxTokens: 8192 - 100 - 256 });
  });

  it('offers the smallest listed model that fits', () => {
    const models = [
      { id: 'moonshot-v1-8k', contextLength: 8192 },
      { id: 'moonshot-v1-32k', contextLength: 32768 },
      { id: 'moonshot-v1-128k', contextLength: 131072 },
    ];
    expect(largerModelFor(10_000, 'moonshot-v1-8k', models)).toBe('moonshot-v1-32k');
    expect(largerModelFor(200_000, 'moonshot-v1-8k', models)).toBeUndefined();
  });
});
