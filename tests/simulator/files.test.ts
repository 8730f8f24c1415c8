import { describe, expect, it } from 'vitest';
import { SCANNED_TEXT } from './extract';
import { auth, upload, useSim } from './test-helpers';

const get = (url: string, method = 'GET') => fetch(url, { method, headers: auth() });

const PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog >> endobj',
  '4 0 obj << /Length 80 >> stream',
  'BT /F1 12 Tf 72 712 Td (Quarterly report) Tj T* [(Rev) -20 (enue \\(up\\) 5%)] TJ ET',
  'endstream endobj',
  '%%EOF',
].join('\n');

describe('files API', () => {
  it('uploads, lists, retrieves, extracts and deletes a text file', async () => {
    const sim = await useSim();
    const res = await upload(sim, 'notes.txt', 'Hello files ✓');
    expect(res.status).toBe(200);
    const file = await res.json();
    expect(file).toMatchObject({
      object: 'file',
      bytes: Buffer.byteLength('Hello files ✓'),
      filename: 'notes.txt',
      purpose: 'file-extract',
      status: 'ok',
      status_details: '',
    });
    expect(typeof file.id).toBe('string');
    expect(typeof file.created_at).toBe('number');

    const list = await (await get(`${sim.baseUrl}/files`)).json();
    expect(list).toEqual({ object: 'list', data: [file] });
    expect(await (await get(`${sim.baseUrl}/files/${file.id}`)).json()).toEqual(file);

    const content = await get(`${sim.baseUrl}/files/${file.id}/content`);
    expect(JSON.parse(await content.text())).toEqual({ content: 'Hello files ✓', file_type: 'text/plain', filename: 'notes.txt', title: '', type: 'file' });

    expect(await (await get(`${sim.baseUrl}/files/${file.id}`, 'DELETE')).json()).toEqual({ id: file.id, object: 'file', deleted: true });
    const gone = await get(`${sim.baseUrl}/files/${file.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.type).toBe('resource_not_found_error');
    expect((await get(`${sim.baseUrl}/files/${file.id}/content`)).status).toBe(404);
  });

  it('extracts the text of Tj/TJ operators from a PDF', async () => {
    const sim = await useSim();
    const file = await (await upload(sim, 'report.pdf', PDF)).json();
    const body = await (await get(`${sim.baseUrl}/files/${file.id}/content`)).json();
    expect(body.file_type).toBe('application/pdf');
    expect(body.content).toBe('Quarterly report\nRevenue (up) 5%');
  });

  it('returns the fixed scanned text for binary files and text-less PDFs', async () => {
    const sim = await useSim();
    const png = await (await upload(sim, 'scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]), 'image')).json();
    const pdf = await (await upload(sim, 'scan.pdf', '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF')).json();
    expect((await (await get(`${sim.baseUrl}/files/${png.id}/content`)).json()).content).toBe(SCANNED_TEXT);
    expect((await (await get(`${sim.baseUrl}/files/${pdf.id}/content`)).json()).content).toBe(SCANNED_TEXT);
    expect(png.purpose).toBe('image');
  });

  it('rejects a bad purpose and an empty file with the documented messages', async () => {
    const sim = await useSim();
    const purpose = await upload(sim, 'a.txt', 'x', 'assistants');
    expect(purpose.status).toBe(400);
    expect((await purpose.json()).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringMatching(/^Invalid purpose/) });
    const zero = await upload(sim, 'a.txt', '');
    expect(zero.status).toBe(400);
    expect((await zero.json()).error.message).toMatch(/^File size is zero/);
  });

  it('enforces the per-file size cap', async () => {
    const sim = await useSim({ maxFileBytes: 1024 });
    expect((await upload(sim, 'ok.txt', 'x'.repeat(1024))).status).toBe(200);
    const big = await upload(sim, 'big.txt', 'x'.repeat(1025));
    expect(big.status).toBe(400);
    expect((await big.json()).error.message).toMatch(/^File size is too large, max file size is 1024 bytes/);
  });

  it('uses the documented 100MB wording by default', async () => {
    const sim = await useSim();
    const big = await upload(sim, 'big.bin', new Uint8Array(100 * 1024 * 1024 + 1));
    expect((await big.json()).error.message).toMatch(/^File size is too large, max file size is 100MB/);
  });

  it('enforces the file count cap until a file is deleted', async () => {
    const sim = await useSim({ maxFiles: 2 });
    const a = await (await upload(sim, 'a.txt', 'a')).json();
    await upload(sim, 'b.txt', 'b');
    const third = await upload(sim, 'c.txt', 'c');
    expect(third.status).toBe(400);
    expect((await third.json()).error.message).toMatch(/^The number of files you have uploaded exceeded the max file count 2/);
    await get(`${sim.baseUrl}/files/${a.id}`, 'DELETE');
    expect((await upload(sim, 'c.txt', 'c')).status).toBe(200);
  });

  it('lets chat messages reference an uploaded image as ms://id', async () => {
    const sim = await useSim();
    const img = await (await upload(sim, 'a.png', new Uint8Array([1, 2, 3]), 'image')).json();
    const msg = (id: string) => ({
      model: 'kimi-k2.6',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: `ms://${id}` } },
            { type: 'text', text: 'what?' },
          ],
        },
      ],
    });
    const post = (b: unknown) => fetch(`${sim.baseUrl}/chat/completions`, { method: 'POST', headers: auth(), body: JSON.stringify(b) });
    expect((await post(msg(img.id))).status).toBe(200);
    expect((await post(msg('nope'))).status).toBe(400);
  });
});
