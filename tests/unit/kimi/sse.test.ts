import { describe, expect, it } from 'vitest';
import { sseEvents } from '../../../utils/kimi/sse';
import { byteStream, enc, splitAt } from './helpers';

async function events(text: string, cuts: number[] = []) {
  const out: string[] = [];
  for await (const e of sseEvents(byteStream(splitAt(enc.encode(text), cuts)))) out.push(e.data);
  return out;
}

describe('sseEvents', () => {
  it('joins multi-line data with \\n and ignores comments', async () => {
    expect(await events(': hello\n\ndata: a\ndata: b\n\n: bye\ndata: c\n\n')).toEqual(['a\nb', 'c']);
  });

  it('handles CR, LF and CRLF line ends split anywhere', async () => {
    const text = 'data: 一\r\n\r\ndata: 二\r\rdata: 三\n\n';
    const bytes = enc.encode(text).length;
    for (let cut = 1; cut < bytes; cut++) expect(await events(text, [cut]), `cut ${cut}`).toEqual(['一', '二', '三']);
  });

  it('drops an event cut off by the end of the body', async () => {
    expect(await events('data: whole\n\ndata: cut')).toEqual(['whole']);
  });

  it('ignores event/id/retry fields and keeps the data', async () => {
    expect(await events('event: message\nid: 7\nretry: 100\ndata: x\n\n')).toEqual(['x']);
  });
});

describe('sseEvents limits', () => {
  it('stops with a stream-error when a line never ends', async () => {
    const huge = 'data: ' + 'x'.repeat(9 * 1024 * 1024);
    const error = await events(huge, [1024 * 1024, 5 * 1024 * 1024]).catch((e: unknown) => e);
    expect((error as { failure?: { kind: string } }).failure?.kind).toBe('stream-error');
  });
});
