import { describe, expect, it } from 'vitest';
import { CalcError, evaluate, formatNumber } from '../../../../utils/kimi/tools/calculator';
import { offeredTools, runTool, toolList } from '../../../../utils/kimi/tools/registry';

const ALL = offeredTools(toolList({ webSearch: true }));

describe('calculator', () => {
  it.each([
    ['12*7', 84],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2^2', -4],
    ['2^-1', 0.5],
    ['2^3^2', 512],
    ['2**10', 1024],
    ['--3', 3],
    ['7 % 3', 1],
    ['10 / 4', 2.5],
    ['sqrt(16) + abs(-3)', 7],
    ['round(3.14159, 2)', 3.14],
    ['min(4, 2, 8) + max(1, 9)', 11],
    ['log(e)', 1],
    ['exp(0) + cos(0) + sin(0) + tan(0)', 2],
    ['2 * pi', 2 * Math.PI],
    ['1.5e3 + .5', 1500.5],
    ['3 × 4 ÷ 2 − 1', 5],
    ['  PI ', Math.PI],
  ])('%s = %d', (expr, value) => {
    expect(evaluate(expr)).toBeCloseTo(value, 10);
  });

  it.each([
    ['', /empty/],
    ['1 +', /ends too early/],
    ['(1 + 2', /expected "\)"/],
    ['1 / 0', /division by zero/],
    ['foo(1)', /unknown function "foo"/],
    ['x + 1', /unknown name "x"/],
    ['sqrt(1, 2)', /takes 1 argument/],
    ['1 2', /unexpected "2"/],
    ['alert("hi")', /unexpected character/],
    ['constructor(1)', /unknown function/],
    ['10^400', /finite/],
    ['('.repeat(200) + '1' + ')'.repeat(200), /nested too deeply/],
  ])('rejects %s', (expr, reason) => {
    expect(() => evaluate(expr)).toThrow(CalcError);
    expect(() => evaluate(expr)).toThrow(reason);
  });

  it('formats away binary noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333333333');
  });

  it('runs as a tool: results and errors both go back to the model as text', () => {
    expect(runTool('calculator', '{"expression":"12*7"}', ALL)).toEqual({ content: '84', use: { name: 'calculator', detail: '12*7 = 84' } });
    expect(runTool('calculator', '{"expression":"1/0"}', ALL).content).toBe('Error: division by zero.');
    expect(runTool('calculator', 'not json', ALL).content).toMatch(/^Error: .*JSON/);
    expect(runTool('calculator', '{}', ALL).content).toMatch(/^Error: no expression/);
    expect(runTool('nope', '{}', ALL)).toMatchObject({ content: expect.stringMatching(/no tool named "nope" was offered/), use: { refused: true } });
  });

  it('$web_search: the arguments go back unchanged', () => {
    const args = '{"search_result":{"search_id":"s-1"},"usage":{"total_tokens":321}}';
    expect(runTool('$web_search', args, ALL)).toEqual({ content: args, use: { name: '$web_search' } });
  });
});
