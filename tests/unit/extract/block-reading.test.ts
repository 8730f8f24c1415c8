// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extractWhenSettled } from '@/utils/extract';
import { readPageReusing } from '@/utils/extract/reuse';
import type { PageContent } from '@/utils/sources/types';
import { SEED } from '../fuzz/fuzz-setup';

// A page's main text changed after it was read: only the changed blocks are read again (utils/extract/block-reading.ts),
// and the result must be exactly what reading the whole page again gives.

const SETTLE = { quietMs: 5, maxMs: 50 };
const WORDS = ['tide', 'harbour', 'keeper', 'lighthouse', 'storm', 'pier', 'gauge', 'spring', 'north', 'wall', 'boat', 'pilot', 'log', '1911'];
const OPENINGS = ['The keeper wrote that', 'Read more about', 'In the spring', 'Related:', 'Nobody doubted that'];

type Inline = 'none' | 'strong' | 'em' | 'link' | 'code';
interface Spec {
  tag: 'p' | 'h3' | 'blockquote' | 'pre' | 'div-class' | 'ul';
  opening: number;
  words: string[];
  inline: Inline;
  spaces: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  tag: fc.constantFrom('p', 'p', 'p', 'h3', 'blockquote', 'pre', 'div-class', 'ul'),
  opening: fc.nat(OPENINGS.length - 1),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 }),
  inline: fc.constantFrom<Inline>('none', 'strong', 'em', 'link', 'code'),
  spaces: fc.boolean(),
});

type Op =
  | { kind: 'edit'; at: number; spec: Spec }
  | { kind: 'insert'; at: number; spec: Spec }
  | { kind: 'remove'; at: number }
  | { kind: 'append-inline'; at: number; word: string }
  | { kind: 'text'; at: number; word: string }
  | { kind: 'read' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(40), spec }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(40), spec }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(40) }),
  fc.record({ kind: fc.constant('append-inline' as const), at: fc.nat(40), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(40), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('read' as const) }),
);

function sentence(s: Spec): string {
  const words = [OPENINGS[s.opening], ...s.words];
  return words.join(s.spaces ? '  \n ' : ' ');
}

function inlineHtml(s: Spec, text: string): string {
  const tail = s.words.slice(-2).join(' ') || 'tide';
  switch (s.inline) {
    case 'strong':
      return `${text} <strong>${tail}</strong>.`;
    case 'em':
      return `${text} <em>${tail}</em> again`;
    case 'link':
      return `${text} <a href="https://example.org/${encodeURIComponent(tail)}">${tail}</a>`;
    case 'code':
      return `${text} <code>${tail}</code>`;
    default:
      return text;
  }
}

function blockHtml(s: Spec): string {
  const body = inlineHtml(s, sentence(s));
  switch (s.tag) {
    case 'blockquote':
      return `<blockquote><p>${body}</p></blockquote>`;
    case 'div-class':
      return `<div class="note">${body}</div>`;
    case 'ul':
      return `<ul><li>${body}</li><li>${sentence(s)}</li></ul>`;
    default:
      return `<${s.tag}>${body}</${s.tag}>`;
  }
}

const LONG = `The harbour keeper recorded every spring tide by hand, with its height in metres and the minute it turned. `;

function page(blocks: Spec[]): void {
  document.head.innerHTML = '<title>Tides of the Northern Harbour</title>';
  const base = Array.from({ length: 6 }, (_, i) => `<p>${LONG.repeat(2)}Entry ${i}.</p>`).join('');
  document.body.innerHTML = `<nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h2>Tides of the Northern Harbour</h2>${base}${blocks.map(blockHtml).join('')}</article><footer>Harbour Gazette</footer>`;
}

function apply(o: Exclude<Op, { kind: 'read' }>): void {
  const article = document.querySelector('article')!;
  const kids = Array.from(article.children);
  const target = kids[o.at % Math.max(1, kids.length)];
  const fresh = (s: Spec) => {
    const t = document.createElement('template');
    t.innerHTML = blockHtml(s);
    return t.content.firstElementChild!;
  };
  switch (o.kind) {
    case 'edit':
      if (target) target.innerHTML = inlineHtml(o.spec, sentence(o.spec));
      break;
    case 'insert':
      article.insertBefore(fresh(o.spec), target ?? null);
      break;
    case 'remove':
      target?.remove();
      break;
    case 'append-inline':
      target?.append(' ', Object.assign(document.createElement('em'), { textContent: o.word }));
      break;
    case 'text': {
      const text = target && document.createTreeWalker(target, 4).nextNode();
      if (text) text.nodeValue = `${text.nodeValue} ${o.word}`;
      break;
    }
  }
}

let store: Record<string, unknown>;
const spy = vi.fn(extractWhenSettled);
const read = async () => (await readPageReusing(document, window, SETTLE, spy, store)) as PageContent;
const fullText = async () => (await extractWhenSettled(document, window, SETTLE)).text;

beforeEach(() => {
  store = {};
  spy.mockClear();
  history.replaceState(null, '', '/article');
});

describe('reading a changed main text block by block', () => {
  it('after any sequence of block edits, insertions and removals, equals a full read of the page', async () => {
    let incremental = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 8 }), async (blocks, ops) => {
        store = {};
        spy.mockClear();
        page(blocks);
        await read();
        for (const o of ops) {
          if (o.kind === 'read') expect((await read()).text).toBe(await fullText());
          else apply(o);
        }
        const text = (await read()).text;
        expect(text).toBe(await fullText());
        if (spy.mock.calls.length === 1) incremental++;
      }),
      // The fuzz suites' fixed seed: with a random one, how many runs took the block path varied (7 to 18 of 80),
      // and the check below failed now and then.
      { numRuns: 80, seed: SEED },
    );
    // Not a property that holds only because every change fell back to a full read: 11 of the 80 runs with the
    // fixed seed read block by block only; about 13 on average over random seeds, rarely under 6.
    expect(incremental).toBeGreaterThanOrEqual(6);
  });

  it('reads an edited paragraph without reading the page whole', async () => {
    page([]);
    const first = await read();
    const p = document.querySelectorAll('article p')[2];
    p.textContent = 'The gauge was moved to the north pier in 1920, after the storm.';
    const next = await read();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(next.reading).not.toBe(first.reading);
    expect(next.text).toContain('north pier in 1920');
    expect(next.text).not.toContain('Entry 2.');
    expect(next.text).toBe(await fullText());
  });

  it('reads the page whole when a changed block is not plain, or the changes grow large', async () => {
    page([]);
    await read();
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<div class="share-bar">Share this story</div>');
    expect((await read()).text).toBe(await fullText());
    expect(spy).toHaveBeenCalledTimes(2);
    // More than a quarter of the text replaced: Readability might now choose another part of the page.
    for (const p of Array.from(document.querySelectorAll('article p')).slice(0, 3)) p.textContent = 'Storm.';
    expect((await read()).text).toBe(await fullText());
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
