// A hostile endpoint's tool calls (issue 18, part 4): bounded, and only tools the request offered are run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOOL_CALLS, ToolCallCollector } from '../../../../utils/kimi/round';
import { KimiError } from '../../../../utils/kimi/errors';
import { describeFailure } from '../../../../utils/kimi/error-table';
import { CalcError, evaluate } from '../../../../utils/kimi/tools/calculator';
import { offeredTools, runTool, toolList } from '../../../../utils/kimi/tools/registry';

const seed = Number(process.env.FC_SEED ?? 18_4);

/** What a collector does with one piece: the calls it lists, or the failure it throws. */
function collect(index: number) {
  const c = new ToolCallCollector();
  try {
    c.add({ index, id: 'x', name: 'calculator', arguments: '{}' }, 0);
    return c.list();
  } catch (error) {
    return error;
  }
}

describe('tool-call index', () => {
  it('an index outside 0…15 (huge, negative, fractional) is a protocol error, never a slot', () => {
    const bad = fc.oneof(
      fc.integer({ min: MAX_TOOL_CALLS, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
      fc.double({ noNaN: true }).filter((d) => !Number.isInteger(d)),
      fc.constantFrom(1e300, 2 ** 32, 2 ** 31 - 1, Infinity),
    );
    fc.assert(
      fc.property(bad, (index) => {
        const out = collect(index);
        expect(out).toBeInstanceOf(KimiError);
        expect((out as KimiError).failure.kind).toBe('protocol');
      }),
      { seed, numRuns: 300 },
    );
  });

  it('every index in 0…15 is a call, listed in index order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: MAX_TOOL_CALLS - 1 }), { minLength: 1, maxLength: MAX_TOOL_CALLS }), (indexes) => {
        const c = new ToolCallCollector();
        indexes.forEach((index, position) => c.add({ index, id: `c${index}`, name: 'calculator', arguments: '{}' }, position));
        expect(c.list().map((x) => x.id)).toEqual([...indexes].sort((a, b) => a - b).map((i) => `c${i}`));
      }),
      { seed, numRuns: 200 },
    );
  });

  it('the protocol error reads as such, in words, with a way on', () => {
    const shown = describeFailure({ kind: 'protocol', message: 'index 4294967296' });
    expect(shown.title).toMatch(/broke the API/);
    expect(shown.action).toBe('retry');
    expect(shown.details).toContain('4294967296');
  });
});

describe('tools the request did not offer', () => {
  const offeredOff = offeredTools(toolList({ webSearch: false }));
  const name = fc.oneof(
    fc.constant('$web_search'),
    fc.string({ maxLength: 100 }).filter((s) => s !== 'calculator'),
  );

  it('are never run and their arguments never echoed; the model reads a refusal', () => {
    fc.assert(
      fc.property(name, fc.string({ minLength: 1 }), (tool, args) => {
        const marker = `ARGS-${args}-END`;
        const out = runTool(tool, marker, offeredOff);
        expect(out.use.refused).toBe(true);
        expect(out.content).not.toContain(marker);
        expect(out.content).toMatch(/^Error: no tool named ".*" was offered in this request/s);
        expect(out.use.name.length).toBeLessThanOrEqual(64);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('$web_search is run (echoed) only when it was offered', () => {
    const args = '{"search_result":{"search_id":"s-1"}}';
    expect(runTool('$web_search', args, offeredOff).content).not.toContain(args);
    expect(runTool('$web_search', args, offeredTools(toolList({ webSearch: true }))).content).toBe(args);
    expect(runTool('calculator', '{"expression":"2+2"}', new Set())).toMatchObject({ use: { refused: true } });
  });
});

describe('calculator names', () => {
  // Lower-cased by the tokenizer, so these are the names Object.prototype could answer to.
  const inherited = Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase());
  const known = new Set([
    'pi',
    'e',
    'sqrt',
    'abs',
    'round',
    'floor',
    'ceil',
    'min',
    'max',
    'log',
    'ln',
    'log10',
    'log2',
    'exp',
    'sin',
    'cos',
    'tan',
    'asin',
    'acos',
    'atan',
    'pow',
  ]);
  const unknownName = fc
    .oneof(fc.constantFrom(...inherited, 'constructor', '__proto__', 'tostring', 'hasownproperty', 'valueof'), fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/))
    .filter((n) => !known.has(n));

  it('a name the calculator does not define is unknown, whatever Object.prototype holds', () => {
    fc.assert(
      fc.property(unknownName, (n) => {
        for (const expr of [n, `${n} + 1`, `2 * ${n}`]) {
          expect(() => evaluate(expr)).toThrow(CalcError);
          expect(() => evaluate(expr)).toThrow(/unknown name/);
        }
        expect(() => evaluate(`${n}(1)`)).toThrow(/unknown function/);
      }),
      { seed, numRuns: 300 },
    );
    expect(() => evaluate('constructor')).toThrow(/unknown name "constructor"/);
    expect(() => evaluate('__proto__')).toThrow(/unknown name "__proto__"/);
  });
});
