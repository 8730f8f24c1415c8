// Everything one simulator instance remembers between requests.
import { createHash } from 'node:crypto';
import { DEFAULT_MODELS } from './models';
import { messageTokens } from './tokens';
import type { Balance, ChatBehaviour, RecordedRequest, SimModel, SimulatorOptions, StoredFile } from './types';

export const DEFAULT_KEY = 'sk-moonlit-simulator-key';
const MB = 1024 * 1024;
/** Prefix caching needs a long enough earlier prompt (a secondary source says >256 tokens). */
const CACHE_MIN_TOKENS = 256;
const CACHE_MEMORY = 32;

export function defaultBalance(platform: 'ai' | 'cn'): Balance {
  return platform === 'cn'
    ? { available_balance: 120.5, voucher_balance: 20.5, cash_balance: 100 }
    : { available_balance: 15.25, voucher_balance: 5.25, cash_balance: 10 };
}

export class SimState {
  readonly keys: Set<string>;
  readonly models: SimModel[];
  readonly platform: 'ai' | 'cn';
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  readonly log: RecordedRequest[] = [];
  readonly queue: ChatBehaviour[] = [];
  readonly files = new Map<string, StoredFile>();
  defaultBehaviour: ChatBehaviour = {};
  balance: Balance;
  /** Aborts every wait when the simulator closes. */
  readonly closing = new AbortController();
  private nextId = 1;
  private prompts: { model: string; hashes: string[]; tokens: number[] }[] = [];

  constructor(opts: SimulatorOptions) {
    this.keys = new Set(opts.keys?.length ? opts.keys : [DEFAULT_KEY]);
    this.models = opts.models ?? DEFAULT_MODELS;
    this.platform = opts.platform ?? 'ai';
    this.maxFileBytes = opts.maxFileBytes ?? 100 * MB;
    this.maxFiles = opts.maxFiles ?? 1000;
    this.balance = defaultBalance(this.platform);
  }

  recordId(): number {
    return this.nextId++;
  }

  takeBehaviour(): ChatBehaviour {
    return this.queue.shift() ?? this.defaultBehaviour;
  }

  findModel(id: unknown): SimModel | undefined {
    return this.models.find((m) => m.id === id);
  }

  /** Clears log, queue, default behaviour, files, the prefix cache and the balance (back to its default). */
  reset(): void {
    this.log.length = 0;
    this.queue.length = 0;
    this.defaultBehaviour = {};
    this.files.clear();
    this.prompts = [];
    this.balance = defaultBalance(this.platform);
  }

  /**
   * Automatic prefix caching, simplified to whole messages: cached_tokens = the tokens of the leading messages
   * identical (same JSON) to an earlier request's for the same model, when that run is ≥ 256 tokens.
   * The prompt is then remembered for later requests.
   */
  cachedTokens(model: string, messages: unknown[]): number {
    const hashes = messages.map((m) => createHash('sha1').update(JSON.stringify(m)).digest('hex'));
    const tokens = messages.map(messageTokens);
    let best = 0;
    for (const p of this.prompts) {
      if (p.model !== model) continue;
      let n = 0;
      let sum = 0;
      while (n < hashes.length && n < p.hashes.length && hashes[n] === p.hashes[n]) sum += tokens[n++];
      best = Math.max(best, sum);
    }
    this.prompts.push({ model, hashes, tokens });
    if (this.prompts.length > CACHE_MEMORY) this.prompts.shift();
    return best >= CACHE_MIN_TOKENS ? best : 0;
  }
}
