import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEY, startSimulator, type Simulator } from '../../simulator/server';
import { prepareAttachments, uploadPrepared } from '../../../utils/documents/attachments';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { corruptPdf, textPdf } from './make-pdf';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const file = (parts: BlobPart[], name: string) => new File(parts, name);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);

describe('prepareAttachments', () => {
  it('reads each file on its own: failures do not lose the others', async () => {
    const out = await prepareAttachments(
      [
        file(['# Notes\nPlain markdown.'], 'notes.md'),
        file([textPdf(2) as Uint8Array<ArrayBuffer>], 'paper.pdf'),
        file([], 'empty.txt'),
        file([corruptPdf() as Uint8Array<ArrayBuffer>], 'broken.pdf'),
        file([ZIP], 'report.docx'),
        file([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'photo.pdf'),
      ],
      { pdfjs: loadNodePdfjs },
    );
    expect(out.map((f) => [f.name, f.status, f.failure?.reason])).toEqual([
      ['notes.md', 'ready', undefined],
      ['paper.pdf', 'ready', undefined],
      ['empty.txt', 'failed', 'empty-file'],
      ['broken.pdf', 'failed', 'corrupt'],
      ['report.docx', 'needs-upload', undefined],
      ['photo.pdf', 'failed', 'wrong-extension'],
    ]);
    expect(out[0].text).toBe('# Notes\nPlain markdown.');
    expect(out[1].text).toContain('--- Page 2 ---');
  });

  it('sends only the files that need it through file-extract, after consent', async () => {
    sim.reset();
    const prepared = await prepareAttachments([file(['keep me'], 'a.txt'), file([ZIP], 'b.docx')], { pdfjs: loadNodePdfjs });
    const done = await uploadPrepared(prepared, { base: sim.baseUrl, apiKey: DEFAULT_KEY });
    expect(done.map((f) => f.status)).toEqual(['ready', 'ready']);
    expect(done[0].text).toBe('keep me');
    expect(typeof done[1].text).toBe('string');
    expect(sim.log.map((r) => r.method)).toEqual(['POST', 'GET', 'DELETE']);
  });
});
