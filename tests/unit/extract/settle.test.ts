// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { waitForQuiet } from '@/utils/extract/settle';

describe('waitForQuiet', () => {
  it('resolves after changes stop', async () => {
    document.body.innerHTML = '<div id="x"></div>';
    let writes = 0;
    const timer = setInterval(() => {
      if (writes++ < 3) document.getElementById('x')!.append('more ');
    }, 10);
    await waitForQuiet(document, window, { quietMs: 60, maxMs: 5000 });
    clearInterval(timer);
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(document.getElementById('x')!.textContent).toBe('more more more ');
  });

  it('gives up waiting on a page that never stops changing', async () => {
    document.body.innerHTML = '<div id="x"></div>';
    const timer = setInterval(() => document.getElementById('x')!.append('.'), 5);
    await waitForQuiet(document, window, { quietMs: 200, maxMs: 100 });
    clearInterval(timer);
    // It resolved (the test would time out otherwise) while the page was still changing.
    expect(document.getElementById('x')!.textContent!.length).toBeGreaterThan(0);
  });
});
