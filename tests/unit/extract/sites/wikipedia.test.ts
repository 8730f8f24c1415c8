import { describe, expect, it } from 'vitest';
import { wikipedia } from '@/utils/extract/sites/wikipedia';
import { makePage } from './make-page';

const blank = makePage('https://example.com/', '').doc;

const BODY = `<h1 id="firstHeading">Moon</h1>
<div id="mw-content-text"><div class="mw-parser-output">
  <div class="hatnote navigation-not-searchable ambox">This article is about Earth's moon.</div>
  <table class="infobox"><tr><th>Mass</th><td>7.342×10^22 kg</td></tr><tr><th>Radius</th><td>1737 km</td></tr></table>
  <p>The <b>Moon</b> is Earth's only natural satellite.<sup class="reference">[1]</sup></p>
  <h2><span class="mw-headline">Name</span><span class="mw-editsection">[edit]</span></h2>
  <p>The usual English proper name is Moon.</p>
  <div class="navbox">Solar System navigation box</div>
</div></div>`;

describe('wikipedia adapter', () => {
  it('matches article URLs on any language edition only', () => {
    expect(wikipedia.matches(new URL('https://zh.wikipedia.org/wiki/月球'), blank)).toBe(true);
    expect(wikipedia.matches(new URL('https://en.wikipedia.org/w/index.php?search=x'), blank)).toBe(false);
    expect(wikipedia.matches(new URL('https://wikipedia.org.evil.com/wiki/Moon'), blank)).toBe(false);
  });

  it('keeps the body and infobox and drops edit links, footnote marks and nav boxes', () => {
    const { doc, win } = makePage('https://en.wikipedia.org/wiki/Moon', BODY);
    const out = wikipedia.extract(doc, win)!;
    expect(out.title).toBe('Moon');
    expect(out.text).toContain("The Moon is Earth's only natural satellite.");
    expect(out.text).toContain('## Name');
    expect(out.text).toContain('| Mass | 7.342×10^22 kg |');
    expect(out.text).not.toContain('[edit]');
    expect(out.text).not.toContain('[1]');
    expect(out.text).not.toContain('navigation box');
  });

  it('gives null on a page without article content', () => {
    const { doc, win } = makePage('https://en.wikipedia.org/wiki/Special:Random', '<p>nothing</p>');
    expect(wikipedia.extract(doc, win)).toBeNull();
  });
});
