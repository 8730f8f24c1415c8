// Pure helpers of the simulator: token rule, question quoting, SSE framing, multipart parsing.
import { describe, expect, it } from 'vitest';
import { quoteQuestion } from './answer';
import { boundaryOf, parseMultipart } from './multipart';
import { frame } from './sse-writer';
import { splitText } from './stream-events';
import { cutToTokens, textTokens } from './tokens';

describe('token rule', () => {
  it('rounds Latin text up to quarters and counts CJK one each', () => {
    expect(textTokens('')).toBe(0);
    expect(textTokens('abcd')).toBe(1);
    expect(textTokens('abcde')).toBe(2);
    expect(textTokens('中文ab')).toBe(3);
    expect(textTokens('𠀀')).toBe(1); // a CJK extension B character outside the BMP
  });

  it('cuts to the longest prefix that fits', () => {
    expect(cutToTokens('abcdefgh', 1)).toEqual({ text: 'abcd', cut: true });
    expect(cutToTokens('中文字', 2)).toEqual({ text: '中文', cut: true });
    expect(cutToTokens('abc', 5)).toEqual({ text: 'abc', cut: false });
  });
});

describe('helpers', () => {
  it('quotes a question on one line', () => {
    expect(quoteQuestion('  a\n\n b  ')).toBe('a b');
  });

  it('splits on code points, never inside a surrogate pair', () => {
    expect(splitText('a😀b😀', 2)).toEqual(['a😀', 'b😀']);
  });

  it('frames events as one or several data lines', () => {
    expect(frame({ a: 1 })).toBe('data: {"a":1}\n\n');
    const multi = frame({ a: [1, 2] }, true);
    const joinedData = multi
      .trim()
      .split('\n')
      .map((l) => l.replace(/^data: /, ''))
      .join('\n');
    expect(multi.trim().split('\n').length).toBeGreaterThan(1);
    expect(JSON.parse(joinedData)).toEqual({ a: [1, 2] });
    expect(frame('[DONE]')).toBe('data: [DONE]\n\n');
  });

  it('parses multipart bodies and rejects broken ones', () => {
    const type = 'multipart/form-data; boundary=XyZ';
    expect(boundaryOf(type)).toBe('XyZ');
    expect(boundaryOf('application/json')).toBeNull();
    const body = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfile-extract\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n',
    );
    const parts = parseMultipart(body, 'XyZ')!;
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.data.toString()])).toEqual([
      ['purpose', undefined, undefined, 'file-extract'],
      ['file', 'a.txt', 'text/plain', 'line1\r\nline2'],
    ]);
    expect(parseMultipart(body.subarray(0, 90), 'XyZ')).toBeNull();
    expect(parseMultipart(body, 'Other')).toBeNull();
  });
});
