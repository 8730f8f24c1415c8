// GET /v1/users/me/balance (kimi-api.md §10).
import { KimiError, failureFromResponse } from './errors';
import { RequestGuard } from './request-guard';
import type { PlatformBases } from './platform-probe';
import { officialPlatformOf } from './platform-probe';

export interface Balance {
  available: number;
  cash?: number;
  voucher?: number;
  /** USD on .ai, CNY on .cn; undefined when the endpoint is custom (its unit is unknown). */
  currency?: 'USD' | 'CNY';
}

export function currencyFor(base: string, bases?: PlatformBases): 'USD' | 'CNY' | undefined {
  const platform = officialPlatformOf(base, bases);
  return platform === 'china' ? 'CNY' : platform === 'international' ? 'USD' : undefined;
}

/** `{"data":{available_balance, cash_balance, voucher_balance}}`; undefined for any other shape. */
export function parseBalance(text: string): Omit<Balance, 'currency'> | undefined {
  try {
    const json = JSON.parse(text) as { error?: unknown; data?: Record<string, unknown> } | null;
    const d = json?.data;
    if (!d || json?.error || typeof d.available_balance !== 'number') return undefined;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const out: Omit<Balance, 'currency'> = { available: d.available_balance };
    if (num(d.cash_balance) !== undefined) out.cash = num(d.cash_balance);
    if (num(d.voucher_balance) !== undefined) out.voucher = num(d.voucher_balance);
    return out;
  } catch {
    return undefined;
  }
}

/** Throws KimiError (kind 'not-api' when the endpoint answers something that isn't a balance). */
export async function getBalance(opts: {
  base: string;
  apiKey: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  bases?: PlatformBases;
}): Promise<Balance> {
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const guard = new RequestGuard(opts.signal, 15_000, 15_000);
  try {
    const res = await guard.race(
      fetchImpl(`${opts.base}/users/me/balance`, { headers: { Authorization: `Bearer ${opts.apiKey}`, Accept: 'application/json' }, signal: guard.signal }),
    );
    const text = await guard.race(res.text());
    if (!res.ok) throw new KimiError(failureFromResponse(res, text));
    const parsed = parseBalance(text);
    if (!parsed) throw new KimiError({ ...failureFromResponse(res, text), kind: 'not-api' });
    const currency = currencyFor(opts.base, opts.bases);
    return { ...parsed, ...(currency ? { currency } : {}) };
  } catch (err) {
    throw guard.translate(err);
  } finally {
    guard.dispose();
  }
}

/** Below this the panel warns (about a day of heavy page questions on a current model). */
export const LOW_BALANCE: Record<'USD' | 'CNY' | 'unknown', number> = { USD: 1, CNY: 7, unknown: 1 };

export const isLow = (available: number, currency: 'USD' | 'CNY' | undefined) => available <= LOW_BALANCE[currency ?? 'unknown'];

export function formatMoney(amount: number, currency: 'USD' | 'CNY' | undefined, locale: string): string {
  if (!currency) return amount.toLocaleString(locale, { maximumFractionDigits: 4 });
  return amount.toLocaleString(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: amount < 0.01 && amount > 0 ? 4 : 2 });
}
