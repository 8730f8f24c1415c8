// extractViaKimi against the real simulator: 3 requests on a miss, none on a hit, the upload always deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEY, startSimulator, type Simulator } from '../../simulator/server';
import { SCANNED_TEXT } from '../../simulator/extract';
import { extractViaKimi } from '../../../utils/documents/ocr';
import { getCachedText, putCachedText, DOC_CACHE_PREFIX } from '../../../utils/documents/doc-cache';
import { sha256Hex } from '../../../utils/documents/hash';
import { browser } from 'wxt/browser';
import { makePdf } from './make-pdf';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
const conn = () => ({ base: sim.baseUrl, apiKey: DEFAULT_KEY });
const calls = () => sim.log.map((r) => `${r.method} ${r.path.replace(/\/files\/[^/]+/, '/files/ID')}`);

describe('extractViaKimi', () => {
  it('uploads, reads and deletes on a miss; answers from the cache on a hit', async () => {
    const scan = makePdf([[], []]);
    const first = await extractViaKimi(scan, 'scan.pdf', conn());
    expect(first).toMatchObject({ text: SCANNED_TEXT, cached: false });
    expect(calls()).toEqual(['POST /v1/files', 'GET /v1/files/ID/content', 'DELETE /v1/files/ID']);
    const listed = await (await fetch(`${sim.baseUrl}/files`, { headers: { Authorization: `Bearer ${DEFAULT_KEY}` } })).json();
    expect(listed.data).toEqual([]);
    sim.reset();
    const second = await extractViaKimi(scan, 'renamed.pdf', conn());
    expect(second).toMatchObject({ text: SCANNED_TEXT, cached: true, hash: first.hash });
    expect(sim.log).toHaveLength(0);
  });

  it('deletes the upload even when reading the content fails', async () => {
    const bytes = new TextEncoder().encode('notes to extract');
    // The user stops just as the content is requested.
    const ctrl = new AbortController();
    const fetchImpl: typeof fetch = (input, init) => {
      if (String(input).endsWith('/content')) ctrl.abort();
      return fetch(input, init);
    };
    const err = await extractViaKimi(bytes, 'n.txt', { ...conn(), signal: ctrl.signal, fetchImpl }).catch((e: unknown) => e);
    expect(err).toBeTruthy();
    expect(calls().filter((c) => c !== 'GET /v1/files/ID/content')).toEqual(['POST /v1/files', 'DELETE /v1/files/ID']);
    expect(sim.log.at(-1)?.method).toBe('DELETE');
    expect(await getCachedText(await sha256Hex(bytes))).toBeNull();
  });
});

describe('doc cache', () => {
  it('evicts the least recently used entries past the size bound', async () => {
    const text = 'x'.repeat(400);
    await putCachedText('a', { text, filename: 'a' }, 1, 1000);
    await putCachedText('b', { text, filename: 'b' }, 2, 1000);
    expect(await getCachedText('a', 3)).not.toBeNull(); // a is now the most recent
    await putCachedText('c', { text, filename: 'c' }, 4, 1000);
    expect(await getCachedText('b')).toBeNull();
    expect(await getCachedText('a')).not.toBeNull();
    expect(await getCachedText('c')).not.toBeNull();
    const keys = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(DOC_CACHE_PREFIX));
    expect(keys.sort()).toEqual([`${DOC_CACHE_PREFIX}a`, `${DOC_CACHE_PREFIX}c`]);
  });
});
