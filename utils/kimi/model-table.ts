import type { ModelInfo } from './types';

export interface ModelProfile {
  id: string;
  contextLength: number;
  /** The largest max_tokens we send. */
  maxOutput: number;
  /** temperature/top_p/n/penalties are locked: sending any other value is a 400. */
  fixedSampling: boolean;
  /** 'optional': accepts `thinking: {type}`; 'always'/'never': must not be sent. */
  thinking: 'optional' | 'always' | 'never';
  /** Accepts `reasoning_effort` (kimi-k3). */
  reasoningEffort: boolean;
  /**
   * `$web_search` works while it thinks. kimi-api.md §9: mid-2026 docs said no for k2.5/k2.6 thinking; the Aug-2026
   * guide says yes for k2.6 and k3. Not confirmed elsewhere, so false (k2.5 turns thinking off; always-thinking
   * models without a yes offer no search).
   */
  searchWhileThinking?: boolean;
  images: boolean;
  /** A temperature worth sending when sampling is free; undefined keeps the server default. */
  temperature?: number;
}

type Row = Omit<ModelProfile, 'id'>;

const K2X: Row = { contextLength: 262_144, maxOutput: 32_768, fixedSampling: true, thinking: 'optional', reasoningEffort: false, images: true };
const V1: Row = { contextLength: 131_072, maxOutput: 32_768, fixedSampling: false, thinking: 'never', reasoningEffort: false, images: false, temperature: 0.3 };

/**
 * Hints from kimi-api.md §4 and §2.1, first match wins. /v1/models is the truth
 * where it says something; this covers hosts that leave the fields out.
 * Output caps: k3's documented default; 32k elsewhere (k2.5's documented default,
 * and the FAQ's "max_tokens is at most 32k" for older models).
 */
const TABLE: [RegExp, Row][] = [
  [
    /^kimi-k3/,
    { contextLength: 1_048_576, maxOutput: 131_072, fixedSampling: true, thinking: 'always', reasoningEffort: true, images: true, searchWhileThinking: true },
  ],
  [/^kimi-k2\.7/, { ...K2X, thinking: 'always' }],
  [/^kimi-k2\.6/, { ...K2X, searchWhileThinking: true }],
  [/^kimi-k2\.5/, K2X],
  [/^kimi-k2-thinking/, { contextLength: 262_144, maxOutput: 32_768, fixedSampling: false, thinking: 'always', reasoningEffort: false, images: false }],
  [/^kimi-k2-0711/, { contextLength: 131_072, maxOutput: 32_768, fixedSampling: false, thinking: 'never', reasoningEffort: false, images: false }],
  [/^kimi-k2/, { contextLength: 262_144, maxOutput: 32_768, fixedSampling: false, thinking: 'never', reasoningEffort: false, images: false }],
  [/^kimi-latest/, { ...V1, images: true }],
  [/^moonshot-v1-8k/, { ...V1, contextLength: 8_192, maxOutput: 8_192 }],
  [/^moonshot-v1-32k/, { ...V1, contextLength: 32_768 }],
  [/^moonshot-v1-128k/, V1],
  [/^moonshot-v1-auto/, V1],
];

/** For a model nobody told us about: small window, send nothing that could be rejected. */
const UNKNOWN: Row = { contextLength: 32_768, maxOutput: 8_192, fixedSampling: true, thinking: 'never', reasoningEffort: false, images: false };

export function modelProfile(model: string, listed?: ModelInfo): ModelProfile {
  const id = model.trim();
  const known = TABLE.find(([re]) => re.test(id.toLowerCase()))?.[1];
  const row: Row = { ...(known ?? UNKNOWN) };
  if (/-vision/.test(id)) row.images = true;
  if (listed && listed.id === id) {
    if (listed.contextLength && listed.contextLength > 0) {
      row.contextLength = listed.contextLength;
      if (!known) row.maxOutput = Math.min(32_768, Math.floor(listed.contextLength / 4));
    }
    if (listed.supportsImages !== undefined) row.images = listed.supportsImages;
    // An unknown reasoning model: don't send `thinking`, but size the cap for thinking.
    if (!known && listed.supportsReasoning) row.thinking = 'always';
  }
  row.maxOutput = Math.min(row.maxOutput, row.contextLength);
  return { id, ...row };
}
