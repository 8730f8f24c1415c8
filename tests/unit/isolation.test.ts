// The unit files that share a module cache (vitest.config.ts) must not replace modules or globals for the files
// after them: a file that mocks a module is listed to run on its own, and none unstubs every global.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_FILES } from './isolated-files';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = [...testFiles('tests/unit'), ...testFiles('tests/simulator')].map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const calls = (text: string, name: string) => text.includes(`vi.${name}(`);

describe('unit files and the shared module cache', () => {
  it('every file that mocks a module runs isolated, and every isolated file exists', () => {
    const mocking = files.filter(({ text }) => calls(text, 'mock') || calls(text, 'doMock') || calls(text, 'resetModules')).map(({ f }) => f);
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !ISOLATED_FILES.includes(f))).toEqual([]);
    expect(ISOLATED_FILES.filter((f) => !files.some((x) => x.f === f))).toEqual([]);
  });

  it('no file in the shared cache unstubs every global (it would take the fake browser away from the files after it)', () => {
    const offenders = files.filter(({ f, text }) => !ISOLATED_FILES.includes(f) && calls(text, 'unstubAllGlobals')).map(({ f }) => f);
    expect(offenders).toEqual([]);
  });
});
