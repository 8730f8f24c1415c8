import type { KimiFailure } from './types';
import { t, type MessageKey } from '../i18n';
import { networkCause, type NetworkCause } from './network-cause';

export type FailureAction = 'open-options' | 'retry' | 'continue' | 'top-up' | 'wait' | 'shorten' | 'switch-platform' | 'none';

export interface FriendlyError {
  title: string;
  advice: string;
  action: FailureAction;
  retryAfterSeconds?: number;
  /** Raw message + status + type + Msh-Request-Id, for a "Details" disclosure. */
  details: string;
  /** For 'top-up': the console where the balance is topped up. */
  link?: string;
  /** For 'switch-platform': the platform the key works on. */
  platform?: 'international' | 'china';
}

interface Row {
  title: MessageKey;
  advice: MessageKey;
  action: FailureAction;
}

const row = (title: MessageKey, advice: MessageKey, action: FailureAction): Row => ({ title, advice, action });

const BAD_KEY = row('errBadKeyTitle', 'errBadKeyAdvice', 'open-options');
const FORBIDDEN = row('errForbiddenTitle', 'errForbiddenAdvice', 'open-options');
const MODEL = row('errModelTitle', 'errModelAdvice', 'open-options');
const TOO_LONG = row('errTooLongTitle', 'errTooLongAdvice', 'shorten');
const BAD_REQUEST = row('errBadRequestTitle', 'errBadRequestAdvice', 'none');
const RATE_LIMIT = row('errRateLimitTitle', 'errRateLimitAdvice', 'wait');
const SERVER = row('errServerTitle', 'errServerAdvice', 'retry');
const TIMEOUT = row('errTimeoutTitle', 'errTimeoutAdvice', 'retry');
const OTHER = row('errOtherTitle', 'errOtherAdvice', 'none');
const NOT_API = row('errNotApiTitle', 'errNotApiAdvice', 'open-options');
const WRONG_PATH = row('errNotApiTitle', 'errWrongPathAdvice', 'open-options');
const OTHER_PLATFORM = row('errOtherPlatformTitle', 'errOtherPlatformAdvice', 'switch-platform');
const TOO_LONG_BEFORE = row('errTooLongTitle', 'errTooLongBeforeAdvice', 'shorten');

/** Kimi's `error.type` says more than the status (a 429 can mean "wait" or "top up"), so it is checked first. */
const BY_TYPE: Record<string, Row> = {
  invalid_authentication_error: BAD_KEY,
  incorrect_api_key_error: BAD_KEY,
  permission_denied_error: FORBIDDEN,
  resource_not_found_error: MODEL,
  content_filter: row('errFilterTitle', 'errFilterAdvice', 'none'),
  invalid_request_error: BAD_REQUEST,
  rate_limit_reached_error: RATE_LIMIT,
  engine_overloaded_error: row('errOverloadedTitle', 'errOverloadedAdvice', 'retry'),
  exceeded_current_quota_error: row('errQuotaTitle', 'errQuotaAdvice', 'top-up'),
  server_error: SERVER,
  unexpected_output: SERVER,
};

function byStatus(status: number): Row {
  if (status === 401) return BAD_KEY;
  if (status === 403) return FORBIDDEN;
  if (status === 404) return MODEL;
  if (status === 408) return TIMEOUT;
  if (status === 413) return TOO_LONG;
  if (status === 429) return RATE_LIMIT;
  if (status === 504) return row('errGatewayTimeoutTitle', 'errGatewayTimeoutAdvice', 'retry');
  if (status >= 500) return SERVER;
  if (status === 400) return BAD_REQUEST;
  return OTHER;
}

const NETWORK_ADVICE: Record<NetworkCause, MessageKey> = {
  offline: 'errNetworkOffline',
  dns: 'errNetworkDns',
  tls: 'errNetworkTls',
  proxy: 'errNetworkProxy',
  refused: 'errNetworkRefused',
  unknown: 'errNetworkAdvice',
};

const BY_KIND: Record<KimiFailure['kind'], Row> = {
  http: OTHER,
  'stream-error': row('errStreamTitle', 'errStreamAdvice', 'retry'),
  incomplete: row('errIncompleteTitle', 'errIncompleteAdvice', 'continue'),
  network: row('errNetworkTitle', 'errNetworkAdvice', 'retry'),
  timeout: TIMEOUT,
  'not-api': NOT_API,
  'too-long': TOO_LONG_BEFORE,
  protocol: row('errProtocolTitle', 'errProtocolAdvice', 'retry'),
  'no-key': row('errNoKeyTitle', 'errNoKeyAdvice', 'open-options'),
  'no-host-permission': row('errHostPermissionTitle', 'errHostPermissionAdvice', 'open-options'),
};

/** "Input token length too long" / "exceeded model token limit": the prompt, not the request, is wrong. */
const TOO_LONG_MESSAGE = /token length too long|exceeded model token limit|context length|maximum context/i;

/** Seconds to suggest when Kimi says "overloaded" without a number: a short pause, not a hammer. */
const OVERLOADED_PAUSE = 5;

function rowFor(f: KimiFailure): Row {
  // Our own failures (no key, dropped stream…) are decided by kind alone.
  if (f.kind !== 'http' && f.kind !== 'stream-error') return BY_KIND[f.kind];
  if (f.type === 'invalid_request_error' || (!f.type && f.status === 400)) {
    if (TOO_LONG_MESSAGE.test(f.message ?? '')) return TOO_LONG;
  }
  if (f.status === 401 && f.otherPlatform) return OTHER_PLATFORM;
  // Kimi's own 404 names the model; a 404 about anything else is a path that isn't the API.
  if (f.status === 404 && (f.type === 'resource_not_found_error' || !f.type) && f.message && !/model/i.test(f.message)) return WRONG_PATH;
  const typed = f.type ? BY_TYPE[f.type] : undefined;
  if (typed) return typed;
  if (f.kind === 'stream-error') return BY_KIND['stream-error'];
  return f.status ? byStatus(f.status) : OTHER;
}

const grouped = (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));

/** Every row's title key, for the user documentation's completeness test (docs/errors.md). */
export const DOCUMENTED_TITLES: MessageKey[] = [
  ...new Set(
    [
      ...Object.values(BY_TYPE),
      ...Object.values(BY_KIND),
      BAD_KEY,
      FORBIDDEN,
      MODEL,
      TOO_LONG,
      BAD_REQUEST,
      RATE_LIMIT,
      SERVER,
      TIMEOUT,
      OTHER,
      WRONG_PATH,
      OTHER_PLATFORM,
      byStatus(504),
    ].map((r) => r.title),
  ),
];

export function failureDetails(f: KimiFailure): string {
  const lines: string[] = [];
  if (f.message) lines.push(f.message);
  if (f.status) lines.push(t('errDetailStatus', f.status));
  if (f.type) lines.push(t('errDetailType', f.type));
  if (f.requestId) lines.push(t('errDetailRequestId', f.requestId));
  return lines.join('\n');
}

/** The console to top up in, when we know which platform the call went to. */
export function consoleFor(base: string | undefined): string | undefined {
  if (!base) return undefined;
  if (/moonshot\.cn|kimi\.com/i.test(base)) return 'https://platform.moonshot.cn/console';
  if (/moonshot\.ai|kimi\.ai/i.test(base)) return 'https://platform.moonshot.ai/console';
  return undefined;
}

/** Every failure in plain words, in the browser's language, with what to do next. */
export function describeFailure(f: KimiFailure, context: { base?: string } = {}): FriendlyError {
  const r = rowFor(f);
  let advice = t(r.advice, f.status ?? '—');
  if (r === TOO_LONG_BEFORE) advice = t(r.advice, grouped(f.promptTokens), f.model ?? '—', grouped(f.contextLength));
  // Several sources shared by size, one left with too little of its text: fewer tabs is a way out too.
  if (r === TOO_LONG_BEFORE && f.sources) advice = t('tabsTooLongAdvice', f.sources.count, f.model ?? '—', f.sources.percent, f.sources.title);
  if (r === OTHER_PLATFORM) advice = t(r.advice, t(f.otherPlatform === 'china' ? 'platformChina' : 'platformInternational'));
  let retryAfterSeconds = f.retryAfterSeconds;
  if (r === RATE_LIMIT && retryAfterSeconds !== undefined) advice = t('errRateLimitAdviceWait', retryAfterSeconds);
  if (r === BY_TYPE.engine_overloaded_error) retryAfterSeconds ??= OVERLOADED_PAUSE;
  if (f.kind === 'network') advice = t(NETWORK_ADVICE[networkCause(f.message)]);
  const out: FriendlyError = { title: t(r.title), advice, action: r.action, details: failureDetails(f) };
  if (retryAfterSeconds !== undefined && (r.action === 'wait' || r.action === 'retry')) out.retryAfterSeconds = retryAfterSeconds;
  if (r.action === 'switch-platform' && f.otherPlatform) out.platform = f.otherPlatform;
  if (r.action === 'top-up') {
    const link = consoleFor(context.base ?? f.base);
    if (link) out.link = link;
  }
  return out;
}
