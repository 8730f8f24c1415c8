// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import DOMPurify from 'dompurify';
import { plainParagraph, sanitizerFor } from '@/utils/markdown/sanitize';
import { lex, newLinkMap, toHtml } from '@/utils/markdown/marked-setup';
import { HOSTILE_PAYLOADS } from './payloads';

/** The HTML our Markdown setup makes of a text (what the tail view sanitises). */
const renderMarkdown = (text: string) => toHtml(lex(text, newLinkMap()));
const html = (f: DocumentFragment | null) => {
  const box = document.createElement('div');
  if (f) box.append(f);
  return box.innerHTML;
};
/** What the sanitizer proper makes of it (the fast path bypassed). */
const purified = (input: string) => html(DOMPurify(window as never).sanitize(input, { RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment);

describe('the plain-paragraph fast path', () => {
  test.each(['The keeper l', 'The keeper\'s log & the pilot\'s "notes"', '1 < 2 > 0', '中文的回答，没有任何标记。', ''])(
    'gives the DOM the sanitizer gives: %s',
    (text) => {
      const rendered = renderMarkdown(text || ' ');
      const fast = plainParagraph(rendered, document);
      if (!text.trim()) return expect(fast === null || html(fast) === purified(rendered)).toBe(true);
      expect(fast, `not taken for ${JSON.stringify(rendered)}`).not.toBeNull();
      expect(html(fast)).toBe(purified(rendered));
      expect(html(sanitizerFor(window).markdown(rendered))).toBe(purified(rendered));
    },
  );

  test('a tag, another entity or a second block goes to the sanitizer', () => {
    for (const input of [
      '<p>a <strong>b</strong></p>',
      '<p>&copy; 2026</p>',
      '<p>a</p>\n<p>b</p>',
      '<p>a<img src=x onerror=alert(1)></p>',
      '<h1>a</h1>',
      '<p>a</p><script>x</script>',
    ]) {
      expect(plainParagraph(input, document), input).toBeNull();
    }
  });

  test('hostile text as the only paragraph stays text', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      const rendered = renderMarkdown(payload);
      const fast = plainParagraph(rendered, document);
      if (!fast) continue;
      const box = document.createElement('div');
      box.append(fast);
      expect(box.querySelectorAll('*').length, payload).toBe(1);
      expect(box.firstElementChild!.localName).toBe('p');
    }
  });
});
