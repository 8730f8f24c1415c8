import { describe, expect, it } from 'vitest';
import { github } from '@/utils/extract/sites/github';
import { makePage } from './make-page';

const blank = makePage('https://example.com/', '').doc;

const ISSUE = `<bdi class="js-issue-title markdown-title">Crash on empty page</bdi>
<div class="timeline-comment"><a class="author">alice</a><div class="comment-body markdown-body"><p>Steps:</p><ol><li>open</li><li>click</li></ol></div></div>
<div class="timeline-comment"><a class="author">bob</a><div class="comment-body markdown-body"><p>Fixed in <code>main</code>.</p></div></div>
<form><div class="markdown-body js-preview-body">draft preview</div></form>`;

const CODE = `<script type="application/json" data-target="react-app.embeddedData">${JSON.stringify({
  payload: { blob: { rawLines: ['export const a = 1;', '', 'function f() {', '  return a;', '}'] } },
})}</script><div class="react-file-line">only the visible line</div>`;

describe('github adapter', () => {
  it('matches code views, issues, pull requests and repository pages', () => {
    for (const u of [
      'https://github.com/o/r/blob/main/src/a.ts',
      'https://github.com/o/r/issues/3',
      'https://github.com/o/r/pull/9',
      'https://github.com/o/r',
    ]) {
      expect(github.matches(new URL(u), blank)).toBe(true);
    }
    expect(github.matches(new URL('https://github.com/o/r/actions'), blank)).toBe(false);
    expect(github.matches(new URL('https://gist.github.com/o/1'), blank)).toBe(false);
  });

  it('reads every comment of an issue with its author, not draft previews', () => {
    const { doc, win } = makePage('https://github.com/o/r/issues/3', ISSUE);
    const out = github.extract(doc, win)!;
    expect(out.title).toBe('Crash on empty page');
    expect(out.text).toBe('**alice**:\n\nSteps:\n\n1. open\n2. click\n\n---\n\n**bob**:\n\nFixed in `main`.');
  });

  it('reads the whole file of a code view as one fenced block', () => {
    const { doc, win } = makePage('https://github.com/o/r/blob/main/src/a.ts', CODE);
    const out = github.extract(doc, win)!;
    expect(out.title).toBe('src/a.ts');
    expect(out.text).toBe('# src/a.ts\n\n```ts\nexport const a = 1;\n\nfunction f() {\n  return a;\n}\n```');
  });

  it('falls back to the rendered lines when there is no embedded data', () => {
    const { doc, win } = makePage(
      'https://github.com/o/r/blob/main/x.py',
      '<table><tr><td class="blob-code">print(1)</td></tr><tr><td class="blob-code">print(2)</td></tr></table>',
    );
    expect(github.extract(doc, win)!.text).toContain('```py\nprint(1)\nprint(2)\n```');
  });

  it('reads a repository README', () => {
    const { doc, win } = makePage('https://github.com/o/r', '<article class="markdown-body"><h1>Project</h1><p>Intro.</p></article>');
    expect(github.extract(doc, win)!.text).toBe('# Project\n\nIntro.');
  });
});
