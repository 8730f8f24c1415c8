// tests/e2e/fixtures/hostile-page.html must carry every payload of the hostile corpus, as text, so the hostile
// page test in tests/e2e/security.e2e.ts covers the same corpus as the rendering tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { HOSTILE_PAYLOADS } from '../markdown/payloads';

const html = readFileSync(resolve('tests/e2e/fixtures/hostile-page.html'), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

it('the hostile page holds every payload, escaped, one paragraph each', () => {
  const missing = HOSTILE_PAYLOADS.filter((p, i) => !html.includes(`<p data-payload="${i}">${escapeHtml(p)}</p>`));
  expect(missing).toEqual([]);
  expect(html.match(/<p data-payload="/g)?.length).toBe(HOSTILE_PAYLOADS.length);
});

it('the hostile page itself has no live script, handler or remote resource', () => {
  expect(html).not.toMatch(/<(script|iframe|img|svg|object|embed|link|style)\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
});
