// The size-budget check (scripts/check-sizes.mjs) on small fake builds: what counts as the panel's
// first load, and that a file over its budget is reported as over.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetReport, contentScripts, eagerFiles } from '../../scripts/bench/lib/sizes.mjs';

const dirs: string[] = [];
function fakeBuild(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'moonlit-sizes-'));
  dirs.push(root);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), body);
  }
  return root;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const html =
  '<script type="module" src="/chunks/sidepanel-a1.js"></script><link rel="modulepreload" href="/chunks/theme-b2.js"><link rel="stylesheet" href="/assets/panel-c3.css"><link rel="icon" href="/icon/16.png">';

describe('panel first load', () => {
  it('follows the HTML and static imports, but not dynamic imports', () => {
    const root = fakeBuild({
      'sidepanel.html': html,
      'chunks/sidepanel-a1.js': 'import{a as b}from"./theme-b2.js";import"./util-d4.js";const k=()=>import(`./katex-e5.js`);',
      'chunks/theme-b2.js': 'export const a=1;',
      'chunks/util-d4.js': 'export*from"./deep-f6.js";',
      'chunks/deep-f6.js': 'export const z=2;',
      'chunks/katex-e5.js': 'export default 3;',
      'assets/panel-c3.css': 'body{}',
    });
    expect(eagerFiles(root, 'sidepanel.html').sort()).toEqual(
      ['assets/panel-c3.css', 'chunks/deep-f6.js', 'chunks/sidepanel-a1.js', 'chunks/theme-b2.js', 'chunks/util-d4.js', 'sidepanel.html'].sort(),
    );
  });
});

describe('budgets', () => {
  const buildFiles = (contentBytes: number): Record<string, string> => ({
    'manifest.json': '{}',
    'sidepanel.html': '<script type="module" src="/chunks/p.js"></script>',
    'chunks/p.js': 'export{}',
    // Random bytes do not compress, so the gzipped size is about the raw size.
    'page-reader.js': randomBytes(contentBytes).toString('base64'),
  });
  const build = (contentBytes: number) => fakeBuild(buildFiles(contentBytes));

  it('passes a small content script and fails one past 20 KiB gzipped', () => {
    const small = budgetReport(build(4 * 1024)).find((r) => r.id === 'content-script')!;
    expect(small.ok).toBe(true);
    const big = budgetReport(build(24 * 1024)).find((r) => r.id === 'content-script')!;
    expect(big.gzip).toBeGreaterThan(20 * 1024);
    expect(big.ok).toBe(false);
  });

  it('holds the selection button to 5 KiB gzipped', () => {
    const withButton = (bytes: number) => ({ ...buildFiles(4 * 1024), 'selection-button.js': randomBytes(bytes).toString('base64') });
    const ok = budgetReport(fakeBuild(withButton(3 * 1024))).find((r) => r.id === 'selection-button')!;
    expect(ok.ok).toBe(true);
    const over = budgetReport(fakeBuild(withButton(6 * 1024))).find((r) => r.id === 'selection-button')!;
    expect(over.ok).toBe(false);
  });

  it('refuses a folder without a build', () => {
    expect(() => budgetReport(fakeBuild({}))).toThrow(/no build/);
  });
});

describe('the page script', () => {
  it('is the file the background injects, whatever it is called', () => {
    const root = fakeBuild({
      'manifest.json': JSON.stringify({ background: { service_worker: 'background.js' } }),
      'background.js': 'chrome.scripting.executeScript({target:{tabId:t},files:[`/reader-x.js`]})',
      'reader-x.js': 'x',
      'page-reader.js': 'stale',
    });
    expect(contentScripts(root)).toEqual(['reader-x.js']);
  });
});
