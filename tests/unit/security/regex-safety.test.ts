import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { analyse } from 'scslre';
import { describe, expect, test } from 'vitest';

/**
 * Every regular expression literal in product code, checked by scslre for super-linear
 * backtracking (SECURITY.md: what a page, file or model controls is never fed to a pattern that can
 * backtrack). A deterministic check: the fuzz suite can't assert speed without timing, so this is
 * what fails when a backtracking pattern comes back.
 */
const PRODUCT = ['utils', 'components', 'entrypoints'];

/**
 * Patterns scslre reports that are linear where they are used, with the reason. Keyed by file and
 * pattern text, so a new use of the same pattern elsewhere is checked anew.
 */
const LINEAR_WHERE_USED: Record<string, string> = {
  // Run by tagsOnly only on text that ends with `>`: from each `<` the class runs to the next `>`
  // and the match consumes it, so no start is scanned twice.
  'utils/documents/html-text.ts /<[^>]*>/g': 'runs only up to the last >',
  // The user's own endpoint, typed in Options and bounded by the URL field.
  'utils/kimi/endpoint.ts /\\/+$/': 'user-typed endpoint',
  'utils/kimi/platform-probe.ts /\\/+$/': 'user-typed endpoint',
};

/** `new RegExp(...)` calls: built from our own constants, each named here with why it is safe. */
const DYNAMIC: Record<string, string> = {
  'utils/documents/html-text.ts new RegExp(HIDDEN_OPEN)': 'a copy of a checked literal',
  "utils/documents/html-text.ts new RegExp(`<\\\\/${name}\\\\s*>`, 'gi')": 'a tag name from HIDDEN_OPEN, then \\s* and >',
  "utils/markdown/incremental.ts new RegExp(`\\\\[\\\\s*${words.join('\\\\s+')}\\\\s*\\\\]`, 'i')": 'escaped words of our own label, separated by \\s+',
};

interface Found {
  where: string;
  literal?: { source: string; flags: string };
}

function productFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--', ...PRODUCT], { encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.tsx?$/.test(f));
}

function patternsIn(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/');
      found.push({ where: `${file} ${node.text}`, literal: { source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) } });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp') {
      found.push({ where: `${file} ${node.getText(source)}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('regular expressions in product code', () => {
  const all = productFiles().flatMap(patternsIn);

  test('the scan finds the product patterns (more than a hundred literals)', () => {
    expect(all.filter((p) => p.literal).length).toBeGreaterThan(100);
  });

  test('no literal can backtrack super-linearly, except those listed as linear where used', () => {
    const reported = all.filter((p) => p.literal && analyse(p.literal).reports.length > 0).map((p) => p.where);
    expect(reported.filter((w) => !(w in LINEAR_WHERE_USED))).toEqual([]);
    // A listed exception that no longer exists is removed from the list.
    expect(Object.keys(LINEAR_WHERE_USED).filter((w) => !reported.includes(w))).toEqual([]);
  });

  test('every RegExp built at run time is one of the reviewed ones', () => {
    const dynamic = all.filter((p) => !p.literal).map((p) => p.where);
    expect(dynamic.sort()).toEqual(Object.keys(DYNAMIC).sort());
  });

  test('the checker does report a known backtracking pattern', () => {
    expect(analyse({ source: String.raw`\[\s*P\d+(?:\s*,?\s*P\d+)*\s*\]`, flags: 'g' }).reports.length).toBeGreaterThan(0);
    expect(analyse({ source: '(a+)+$', flags: '' }).reports.some((r) => r.exponential)).toBe(true);
  });
});
