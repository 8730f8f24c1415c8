import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ocrDocument } from '../../../utils/background/document-ocr';
import { handOver, memoryTransfer, useTransferBackend } from '../../../utils/documents/transfer';
import { settingsItem } from '../../../utils/storage/items';
import { setApiKey } from '../../../utils/storage/secret-store';
import { startSimulator, DEFAULT_KEY, type Simulator } from '../../simulator/server';
import { SCANNED_TEXT } from '../../simulator/extract';
import { makePdf } from '../documents/make-pdf';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  useTransferBackend(memoryTransfer());
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await settingsItem.setValue({ platform: 'custom', customEndpoint: sim.url, model: 'kimi-k2.6', answerLanguage: 'auto', webSearch: false, citations: true });
});
afterEach(() => useTransferBackend(undefined));

const files = () => sim.log.filter((r) => r.path.startsWith('/v1/files')).map((r) => r.method);

describe('ocrDocument (the worker side of file-extract)', () => {
  it('uploads, reads and deletes once; the same bytes again come from the cache', async () => {
    await setApiKey(DEFAULT_KEY);
    const scan = makePdf([[]]);
    expect(await ocrDocument({ transferId: await handOver(scan), name: 'scan.pdf' })).toEqual({ ok: true, text: SCANNED_TEXT, cached: false });
    expect(files()).toEqual(['POST', 'GET', 'DELETE']);
    expect(await ocrDocument({ transferId: await handOver(scan), name: 'scan.pdf' })).toEqual({ ok: true, text: SCANNED_TEXT, cached: true });
    expect(files()).toHaveLength(3);
    // The cache is in storage.session, which content scripts cannot read; nothing of it is in storage.local.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SCANNED_TEXT);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(SCANNED_TEXT);
  });

  it('reports a missing key as a Kimi failure, without any request', async () => {
    const r = await ocrDocument({ transferId: await handOver(new Uint8Array([1, 2])), name: 'a.docx' });
    expect(r).toEqual({ ok: false, failure: { reason: 'upload-failed' }, kimiFailure: { kind: 'no-key' } });
    expect(sim.log).toHaveLength(0);
  });

  it('reports an API refusal with its status, and a document that was never handed over', async () => {
    await setApiKey('sk-not-the-right-key');
    const r = await ocrDocument({ transferId: await handOver(new Uint8Array([80, 75, 3, 4])), name: 'a.docx' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.kimiFailure).toMatchObject({ kind: 'http', status: 401 });
    expect(await ocrDocument({ transferId: 'never-stored', name: 'x.pdf' })).toMatchObject({ ok: false, failure: { reason: 'upload-failed' } });
  });
});
