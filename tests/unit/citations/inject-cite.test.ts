// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { citeInPage } from '@/utils/citations/inject-cite';

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('moonlit-cite-layer').forEach((l) => l.remove());
});

describe('citeInPage', () => {
  it('finds, scrolls to and marks the passage, and says how and where', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Intro.</p><p id="p">The hive needs <em>eleven</em> kilograms of honey.</p>';
    const scrolled = vi.spyOn(document.getElementById('p')!, 'scrollIntoView');
    // happy-dom has no CSS Custom Highlight API, so the overlay marks it.
    expect(citeInPage(document, window, 'The hive needs eleven kilograms of honey.', 0.5)).toEqual({
      found: true,
      how: 'overlay',
      match: 'exact',
      url: document.URL,
    });
    expect(scrolled).toHaveBeenCalled();
    expect(document.querySelector('moonlit-cite-layer')).not.toBeNull();
  });

  it('reports a passage that is not there, and marks nothing', () => {
    document.body.innerHTML = '<p>Intro.</p>';
    expect(citeInPage(document, window, 'The hive needs eleven kilograms of honey.', 0.5)).toEqual({ found: false, url: document.URL });
    expect(document.querySelector('moonlit-cite-layer')).toBeNull();
  });
});
