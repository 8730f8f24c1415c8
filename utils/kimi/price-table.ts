// Kimi's prices, one row per current model (kimi-api.md §4 and §16), with the date and source of each figure.
// Only prices written in /work/shared/docs/kimi-api.md are used; a figure no source gives is null, and the panel
// then says "price unknown" for that part. A model missing here is priced unknown, never guessed from a relative.

/** Per 1M tokens. */
export interface TokenPrices {
  /** Input tokens not served from the prefix cache. */
  input: number;
  /** Input tokens served from the prefix cache; null when unsourced. */
  cachedInput: number | null;
  /** Output tokens (thinking included); null when unsourced. */
  output: number | null;
}

export interface PriceRow {
  model: string;
  /** platform.moonshot.ai, in USD; null when no source gives an input price. */
  USD: TokenPrices | null;
  /** platform.moonshot.cn, in CNY; null when no source gives an input price. */
  CNY: TokenPrices | null;
  /** When the figures were published or seen, and where (kimi-api.md section and its source, with its confidence). */
  date: string;
  source: string;
}

export const PRICE_TABLE_DATE = '2026-12-07';
const NONE = 'kimi-api.md gives no price for this model';

const unpriced = (model: string): PriceRow => ({ model, USD: null, CNY: null, date: PRICE_TABLE_DATE, source: NONE });

export const PRICE_TABLE: readonly PriceRow[] = [
  {
    model: 'kimi-k2.5',
    USD: { input: 0.6, cachedInput: 0.1, output: null },
    CNY: null,
    date: '2026-01',
    source: 'kimi-api.md §12: official Jan-2026 pricing [H] (input only; no output or CNY price given)',
  },
  {
    model: 'kimi-k2.6',
    USD: { input: 0.95, cachedInput: 0.16, output: null },
    CNY: null,
    date: '2026',
    source: 'kimi-api.md §12: secondary copies of platform.kimi.ai/docs/pricing/chat [M] (input only; no output or CNY price given)',
  },
  {
    model: 'kimi-k3.1-pro',
    USD: { input: 2, cachedInput: null, output: 10 },
    CNY: null,
    date: '2026-11',
    source: 'kimi-api.md §16: "about $2 per 1M input and $10 per 1M output" on the international platform, reported Nov 2026 [L]',
  },
  {
    model: 'kimi-k3.1-pro-highspeed',
    USD: { input: 2, cachedInput: null, output: 10 },
    CNY: null,
    date: '2026-11',
    source: 'kimi-api.md §16: same report as kimi-k3.1-pro [L]',
  },
  ...[
    'kimi-k3',
    'kimi-k2.7-code',
    'kimi-k2.7-code-highspeed',
    'kimi-k2-thinking',
    'kimi-k2-thinking-turbo',
    'kimi-k2-0905-preview',
    'kimi-k2-turbo-preview',
    'kimi-k2-0711-preview',
    'kimi-latest',
    'moonshot-v1-8k',
    'moonshot-v1-32k',
    'moonshot-v1-128k',
    'moonshot-v1-auto',
    'moonshot-v1-8k-vision-preview',
    'moonshot-v1-32k-vision-preview',
    'moonshot-v1-128k-vision-preview',
  ].map(unpriced),
];

/** Web search, per call, on top of tokens: charged when a response names `$web_search` (kimi-api.md §9, D-web [H]). */
export const WEB_SEARCH_PRICE = { USD: 0.005, CNY: 0.03 } as const;
