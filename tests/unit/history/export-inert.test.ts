// @vitest-environment happy-dom
// The exported Markdown loads and runs nothing in a viewer (issue 18, part 4): rendered here by marked with
// raw HTML passed through, as a permissive viewer would, and the resulting DOM inspected.
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown, inertMarkdown } from '../../../utils/history/export-markdown';
import type { StoredConversation } from '../../../utils/history/schema';
import { HOSTILE_PAYLOADS } from '../markdown/payloads';

const seed = Number(process.env.FC_SEED ?? 18_5);
const LABELS = { question: 'Question', answer: 'Answer', source: 'Page' };
const TAGS = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'P',
  'BLOCKQUOTE',
  'PRE',
  'CODE',
  'UL',
  'OL',
  'LI',
  'EM',
  'STRONG',
  'DEL',
  'HR',
  'BR',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'A',
  'INPUT',
]);

/** What a viewer would load or run from this Markdown: any element, attribute or link beyond plain formatting. */
function live(md: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = marked.parse(md, { async: false, gfm: true }) as string;
  const found: string[] = [];
  for (const el of box.querySelectorAll('*')) {
    if (!TAGS.has(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const a of el.getAttributeNames()) {
      const ok =
        (a === 'href' && el.tagName === 'A') ||
        (el.tagName === 'INPUT' && ['type', 'disabled', 'checked'].includes(a)) ||
        (a === 'class' && el.tagName === 'CODE') ||
        a === 'align' ||
        a === 'start';
      if (!ok) found.push(`${el.tagName.toLowerCase()}[${a}]`);
    }
    // Bare addresses a viewer links by itself (GFM autolinks: http, https, ftp, mailto) open only on a click.
    if (el.tagName === 'A' && !/^(https?:|mailto:|ftp:)/i.test(el.getAttribute('href') ?? '')) found.push(`a[href=${el.getAttribute('href')}]`);
    if (el.tagName === 'INPUT' && el.getAttribute('type') !== 'checkbox') found.push('input');
  }
  return found;
}

const conv = (over: { title: string; url: string; question: string; answer: string; quote: string }): StoredConversation =>
  ({
    id: 'c',
    tabId: 1,
    url: over.url,
    title: over.title,
    createdAt: 0,
    updatedAt: 0,
    turns: [{ id: 't', mode: 'ask', question: over.question, answer: over.answer, status: 'done', sources: { 1: { quote: over.quote, at: 0 } } }],
  }) as unknown as StoredConversation;

/** Hostile payloads cut up and joined with Markdown structure, so they land in every block a viewer knows. */
const structure = fc.constantFrom(
  '\n',
  '\n\n',
  '```\n',
  '\n```\n',
  '~~~',
  '    ',
  '> ',
  '- ',
  '1. ',
  '`',
  '**',
  ']',
  '[',
  '(',
  ')',
  '!',
  ':',
  '|',
  '<',
  '\\',
  ' ',
  '\t',
);
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PAYLOADS), structure, fc.string({ maxLength: 12 })), { maxLength: 14 })
  .map((parts) => parts.join(''));

describe('Markdown export', () => {
  it('every known hostile payload, as title, question, answer and quote, renders as text only', () => {
    const bad: string[] = [];
    for (const p of HOSTILE_PAYLOADS) {
      const md = conversationToMarkdown(conv({ title: p, url: 'https://ok.example/', question: p, answer: p, quote: p }), LABELS);
      const found = live(md);
      if (found.length) bad.push(`${JSON.stringify(p).slice(0, 80)} → ${found.join(' ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('generated hostile Markdown in every field renders as text only', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, question, answer, quote) => {
        expect(live(conversationToMarkdown(conv({ title, url: 'https://ok.example/', question, answer, quote }), LABELS))).toEqual([]);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('a page address that is not http(s) is text, not a link', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://x.example/ onmouseover=alert(1)', 'vbscript:x']) {
      const md = conversationToMarkdown(conv({ title: 't', url, question: 'q', answer: 'a', quote: 'x' }), LABELS);
      expect(live(md), url).toEqual([]);
    }
    expect(conversationToMarkdown(conv({ title: 't', url: 'https://ok.example/a?b=1', question: 'q', answer: 'a', quote: 'x' }), LABELS)).toContain(
      'Page: <https://ok.example/a?b=1>',
    );
  });

  it('reads the same: only invisible characters are added, and plain Markdown is kept', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(inertMarkdown(s).replaceAll('\u200b', '')).toBe(s.replaceAll('\u200b', ''));
      }),
      { seed, numRuns: 300 },
    );
    expect(inertMarkdown('**Bold**, `code`, a list:\n- one [P2] and [P10].')).toBe('**Bold**, `code`, a list:\n- one [P2] and [P10].');
  });
});
