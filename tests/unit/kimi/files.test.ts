// The files client against the real simulator over loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEY, startSimulator, type Simulator } from '../../simulator/server';
import { deleteFile, fileContent, parseFileContent, uploadForExtraction } from '../../../utils/kimi/files';
import { KimiError } from '../../../utils/kimi/errors';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
const conn = () => ({ base: sim.baseUrl, apiKey: DEFAULT_KEY });

describe('files API client', () => {
  it('uploads as multipart with purpose file-extract, reads .content from the JSON body, deletes', async () => {
    const file = await uploadForExtraction(new Blob(['Quarterly notes ✓']), 'notes.txt', conn());
    expect(file.id).toMatch(/\S/);
    const upload = sim.log[0];
    expect(upload.method).toBe('POST');
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('name="purpose"\r\n\r\nfile-extract');
    expect(upload.headers.authorization).toBe(`Bearer ${DEFAULT_KEY}`);
    expect(await fileContent(file.id, conn())).toBe('Quarterly notes ✓');
    await deleteFile(file.id, conn());
    expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/files', `GET /v1/files/${file.id}/content`, `DELETE /v1/files/${file.id}`]);
    const gone = await fileContent(file.id, conn()).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(KimiError);
    expect((gone as KimiError).failure).toMatchObject({ kind: 'http', status: 404, type: 'resource_not_found_error' });
  });

  it('turns upload errors into KimiError failures', async () => {
    const empty = await uploadForExtraction(new Blob([]), 'empty.txt', conn()).catch((e: unknown) => e);
    expect((empty as KimiError).failure).toMatchObject({ kind: 'http', status: 400, type: 'invalid_request_error' });
    expect((empty as KimiError).failure.message).toMatch(/File size is zero/);
    const badKey = await uploadForExtraction(new Blob(['x']), 'a.txt', { ...conn(), apiKey: 'sk-wrong' }).catch((e: unknown) => e);
    expect((badKey as KimiError).failure).toMatchObject({ status: 401 });
  });

  it('parses the content body: JSON string with .content, or raw text', () => {
    expect(parseFileContent('{"content":"Hello","file_type":"application/pdf","filename":"x.pdf","title":"","type":"file"}')).toBe('Hello');
    expect(parseFileContent('plain extracted text')).toBe('plain extracted text');
    expect(parseFileContent('{"other":1}')).toBe('{"other":1}');
  });
});
