import { describe, expect, it } from 'vitest';
import { tooLongWith, type Limits } from '../../../components/panel/use-held-limits';

const page = { url: 'https://x.example/', title: 'x', text: '字'.repeat(20_000), selection: '' };
const models = [
  { id: 'moonshot-v1-8k', contextLength: 8192 },
  { id: 'kimi-k2.6', contextLength: 262144 },
];
const limits = (saved: string) =>
  [
    { platform: 'custom', customEndpoint: 'http://127.0.0.1:1', model: saved, answerLanguage: 'auto', webSearch: false, citations: false },
    { base: 'x', models, at: 0 },
  ] as unknown as Limits;

describe('whether the page fits is checked against the model the question goes to', () => {
  it('the panel chose a larger model than the saved one: it fits, nothing is refused', () => {
    expect(tooLongWith(page, limits('moonshot-v1-8k'))).toMatchObject({ kind: 'too-long', model: 'moonshot-v1-8k' });
    expect(tooLongWith(page, limits('moonshot-v1-8k'), 'kimi-k2.6')).toBeNull();
  });

  it('the panel chose a smaller model: refused with that model named, though the saved one would fit', () => {
    expect(tooLongWith(page, limits('kimi-k2.6'))).toBeNull();
    expect(tooLongWith(page, limits('kimi-k2.6'), 'moonshot-v1-8k')).toMatchObject({ kind: 'too-long', model: 'moonshot-v1-8k' });
  });
});
