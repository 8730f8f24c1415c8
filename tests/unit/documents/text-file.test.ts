import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../utils/documents/html-text';
import { decodeText, readTextFile } from '../../../utils/documents/text-file';
import type { DocumentError } from '../../../utils/documents/types';

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint16(2 + i * 2, s.charCodeAt(i), true);
  return out;
};

describe('readTextFile', () => {
  it('decodes UTF-8 (with or without BOM), UTF-16 with BOM and GB18030', () => {
    expect(decodeText(new TextEncoder().encode('月亮 moon'))).toBe('月亮 moon');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('bom')]))).toBe('bom');
    expect(decodeText(utf16le('潮汐 tides'))).toBe('潮汐 tides');
    // "中文" in GB18030/GBK, which is not valid UTF-8.
    expect(decodeText(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });

  it('normalises line ends and reduces HTML to its text', () => {
    expect(readTextFile(new TextEncoder().encode('a\r\nb\rc'), 'x.txt')).toBe('a\nb\nc');
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><h1>Title</h1><p>One &amp; two&nbsp;&#x4e2d;</p><script>alert(1)</script><ul><li>item</li></ul></body></html>';
    expect(readTextFile(new TextEncoder().encode(html), 'page.html')).toBe('Title\n\nOne & two 中\n\nitem');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a\tb');
  });

  it('rejects binary content and empty files with a reason', () => {
    const reason = (b: Uint8Array) => {
      try {
        readTextFile(b, 'x.txt');
        return null;
      } catch (e) {
        return (e as DocumentError).failure.reason;
      }
    };
    expect(reason(Uint8Array.from([65, 0, 66]))).toBe('binary-text');
    expect(reason(Uint8Array.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 2 : 65))))).toBe('binary-text');
    expect(reason(new Uint8Array(0))).toBe('empty-file');
  });
});
