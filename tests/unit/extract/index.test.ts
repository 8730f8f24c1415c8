// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPage, extractWhenSettled } from '@/utils/extract';

const PARA = 'The Moon is Earth’s only natural satellite and it has shaped tides, calendars and stories for ages. ';

function page(body: string, head = '<title>Moon facts</title>') {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  window.getSelection()?.removeAllRanges();
}

describe('extractPage', () => {
  it('reads the article with Readability and leaves out navigation and captions', () => {
    page(`<nav><a href="/a">Home</a><a href="/b">World</a></nav>
      <article><h1>Moon facts</h1><h2>Orbit</h2>${`<p>${PARA.repeat(3)}</p>`.repeat(4)}
      <figure><img src="m.jpg"><figcaption>Photo: NASA credit line</figcaption></figure>
      <ul><li>first point about the orbit</li><li>second point about the tides</li></ul></article>
      <footer>Copyright footer text</footer>`);
    const result = extractPage(document, window);
    expect(result.source).toBe('readability');
    expect(result.title).toBe('Moon facts');
    expect(result.text).toContain('## Orbit');
    expect(result.text).toContain('- first point about the orbit');
    expect(result.text).not.toContain('Home');
    expect(result.text).not.toContain('Photo: NASA');
    expect(result.text).not.toContain('Copyright footer');
    expect(result.selection).toBe('');
  });

  it('falls back to the body without boilerplate when there is no article', () => {
    page(`<header>Site header</header><div class="cookie-banner">We use cookies</div>
      <section><h3>Tuesday</h3><p>Short note one.</p></section><section><h3>Friday</h3><p>Short note two.</p></section>
      <div><span>Loose line of text</span></div><footer>Footer</footer>`);
    const result = extractPage(document, window);
    expect(result.source).toBe('fallback');
    expect(result.text).toContain('Short note one.');
    expect(result.text).toContain('Short note two.');
    expect(result.text).toContain('Loose line of text');
    expect(result.text).not.toContain('cookies');
    expect(result.text).not.toContain('Site header');
  });

  it('includes the selection and the text around it', () => {
    page(`<article><p id="p">${PARA}Selected words live here. ${PARA}</p></article>`);
    const text = document.getElementById('p')!.firstChild!;
    const start = text.textContent!.indexOf('Selected');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 'Selected words'.length);
    window.getSelection()!.addRange(range);
    const result = extractPage(document, window);
    expect(result.selection).toBe('Selected words');
    expect(result.selectionContext).toContain('Selected words live here.');
  });

  it('waits for a page that is still rendering before reading it', async () => {
    page('<div id="app"></div>');
    setTimeout(() => {
      document.getElementById('app')!.innerHTML = `<article><p>${PARA.repeat(6)}</p></article>`;
    }, 20);
    const result = await extractWhenSettled(document, window, { quietMs: 50, maxMs: 2000 });
    expect(result.text).toContain('natural satellite');
  });

  it('reads a loaded page with real text at once, without waiting for quiet', async () => {
    page(`<article><p>${PARA.repeat(6)}</p></article>`);
    let changedLater = false;
    // A page that never stops changing would hold a waiting reader for maxMs.
    const timer = setInterval(() => {
      document.body.append(document.createElement('i'));
      changedLater = true;
    }, 5);
    const started = document.readyState;
    const result = await extractWhenSettled(document, window, { quietMs: 10_000, maxMs: 10_000 });
    clearInterval(timer);
    expect(started).toBe('complete');
    expect(result.text).toContain('natural satellite');
    expect(changedLater).toBe(false);
  });
});
