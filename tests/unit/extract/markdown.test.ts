// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '@/utils/extract/markdown';

function md(html: string): string {
  document.body.innerHTML = html;
  return toMarkdown(document.body);
}

describe('toMarkdown', () => {
  it('keeps headings and paragraphs as separate blocks', () => {
    expect(md('<h2>Moon  phases</h2><p>The <b>Moon</b> waxes.</p><p>Then wanes.</p>')).toBe('## Moon phases\n\nThe Moon waxes.\n\nThen wanes.');
  });

  it('writes nested and ordered lists', () => {
    expect(md('<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul><ol start="3"><li>c</li><li>d</li></ol>')).toBe('- one\n  - inner\n- two\n\n3. c\n4. d');
  });

  it('writes data tables with a header row and escapes pipes', () => {
    const out = md('<table><tr><th>k</th><th>v</th></tr><tr><td>a|b</td><td>2</td></tr></table>');
    expect(out).toBe('| k | v |\n| --- | --- |\n| a\\|b | 2 |');
  });

  it('reads one-column layout tables as plain blocks', () => {
    expect(md('<table><tr><td><p>Only text</p></td></tr><tr><td>More</td></tr></table>')).toBe('Only text\n\nMore');
  });

  it('fences code blocks with their language and keeps whitespace', () => {
    expect(md('<pre><code class="language-ts">const a = 1;\n  if (a) {}</code></pre>')).toBe('```ts\nconst a = 1;\n  if (a) {}\n```');
    expect(md('<p>Run <code>npm  test</code> now</p>')).toBe('Run `npm test` now');
  });

  it('keeps absolute links and drops javascript: or empty ones', () => {
    expect(md('<p>See <a href="https://example.com/a">the docs</a> or <a href="javascript:void 0">this</a>.</p>')).toBe(
      'See [the docs](https://example.com/a) or this.',
    );
  });

  it('keeps the words of a heading inside a link without its # marks', () => {
    expect(md('<a href="https://example.com/s"><h4>Story title</h4></a>')).toBe('[Story title](https://example.com/s)');
  });

  it('drops scripts, styles, images and form controls', () => {
    expect(md('<p>Text<script>evil()</script><style>p{}</style><img alt="x"><button>Share</button></p>')).toBe('Text');
  });

  it('quotes blockquotes line by line', () => {
    expect(md('<blockquote><p>a</p><p>b</p></blockquote>')).toBe('> a\n>\n> b');
  });

  it('reads open shadow roots and slotted content', () => {
    document.body.innerHTML = '<x-card><span slot="title">Slotted</span></x-card>';
    const host = document.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<h3><slot name="title"></slot></h3><p>Inside shadow</p>';
    const out = toMarkdown(document.body);
    expect(out).toContain('Inside shadow');
    expect(out).toContain('Slotted');
  });
});
