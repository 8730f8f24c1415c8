// Kimi's prices, one row per current model (kimi-api.md §4 and §16), each platform's figures with their own date and
// source. Only prices written in /work/shared/docs/kimi-api.md are used; a figure no source gives is null, and the panel
// then says "price unknown" for that part. A model missing here is priced unknown, never guessed from a relative, and a
// price is never converted from the other platform's currency.

/** Per 1M tokens. */
export interface TokenPrices {
  /** Input tokens not served from the prefix cache. */
  input: number;
  /** Input tokens served from the prefix cache; null when unsourced. */
  cachedInput: number | null;
  /** Output tokens (thinking included); null when unsourced. */
  output: number | null;
}

/**
 * One platform's figures for a model, with when they were published or seen and where: the kimi-api.md section and its
 * confidence mark, short because the table ships in the panel (what the source says is in a comment beside it).
 */
export interface PlatformPrices {
  prices: TokenPrices;
  date: string;
  source: string;
}

export interface PriceRow {
  model: string;
  /** platform.moonshot.ai, in USD; null when no source gives an input price. */
  USD: PlatformPrices | null;
  /** platform.moonshot.cn, in CNY; null when no source gives an input price. */
  CNY: PlatformPrices | null;
}

export const PRICE_TABLE_DATE = '2026-12-07';

/**
 * Why every CNY figure is null: kimi-api.md (read on PRICE_TABLE_DATE) gives CNY amounts only for web search (¥0.03 per
 * call, §9 [H]) and the rate-limit tiers' top-ups (§11), and no model's token price on platform.moonshot.cn. A model
 * gets a CNY row only with a source of its own.
 */
export const CNY_TOKEN_PRICES_SOURCE = 'kimi-api.md §9, §11, §12, §16: no per-model token price in CNY';

export const PRICE_TABLE: readonly PriceRow[] = [
  {
    model: 'kimi-k2.5',
    USD: {
      prices: { input: 0.6, cachedInput: 0.1, output: null },
      // Official Jan-2026 pricing: input and cache hits only, no output price.
      date: '2026-01',
      source: 'kimi-api.md §12 [H]',
    },
    CNY: null,
  },
  {
    model: 'kimi-k2.6',
    USD: {
      prices: { input: 0.95, cachedInput: 0.16, output: null },
      // Secondary copies of platform.kimi.ai/docs/pricing/chat: input and cache hits only, no output price.
      date: '2026',
      source: 'kimi-api.md §12 [M]',
    },
    CNY: null,
  },
  {
    model: 'kimi-k3.1-pro',
    USD: {
      prices: { input: 2, cachedInput: null, output: 10 },
      // "About $2 per 1M input and $10 per 1M output" on the international platform, reported in Nov 2026.
      date: '2026-11',
      source: 'kimi-api.md §16 [L]',
    },
    CNY: null,
  },
  {
    model: 'kimi-k3.1-pro-highspeed',
    USD: { prices: { input: 2, cachedInput: null, output: 10 }, date: '2026-11', source: 'kimi-api.md §16 [L]' }, // the same report
    CNY: null,
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
    // kimi-api.md gives no price for these on either platform.
  ].map((model): PriceRow => ({ model, USD: null, CNY: null })),
];

/** Web search, per call, on top of tokens: charged when a response names `$web_search` (kimi-api.md §9, D-web [H]). */
export const WEB_SEARCH_PRICE = { USD: 0.005, CNY: 0.03 } as const;
