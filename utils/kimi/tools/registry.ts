import type { ToolUse } from '../types';
import { CalcError, evaluate, formatNumber } from './calculator';
import { FIELD_LIMITS, oneLine } from '../prompt-safe';

/** What the model may call. The list must stay identical across the turns of a conversation (prefix caching). */
export type ToolSpec =
  | { type: 'function'; function: { name: string; description: string; parameters: Record<string, unknown> } }
  | { type: 'builtin_function'; function: { name: '$web_search' } };

export const CALCULATOR: ToolSpec = {
  type: 'function',
  function: {
    name: 'calculator',
    description:
      'Evaluates an arithmetic expression exactly. Use it for every calculation instead of computing in your head. ' +
      'Supports numbers, + - * / % ^, parentheses, sqrt, abs, round(x, digits), floor, ceil, min, max, log (natural), log10, log2, exp, ' +
      'sin, cos, tan (radians), pi and e.',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'The expression, e.g. (12.5 * 4)^2 / sqrt(2)' } },
      required: ['expression'],
    },
  },
};

/** Kimi's built-in search: Moonshot runs it; we only echo the arguments back (kimi-api.md §9). */
export const WEB_SEARCH: ToolSpec = { type: 'builtin_function', function: { name: '$web_search' } };

export function toolList(opts: { webSearch: boolean }): ToolSpec[] {
  return opts.webSearch ? [CALCULATOR, WEB_SEARCH] : [CALCULATOR];
}

export interface ToolOutcome {
  /** The tool message's content. */
  content: string;
  use: ToolUse;
}

function calculate(argumentsJson: string): ToolOutcome {
  let expression = '';
  try {
    const args = JSON.parse(argumentsJson) as { expression?: unknown };
    if (typeof args?.expression === 'string') expression = args.expression;
    else if (typeof args?.expression === 'number') expression = String(args.expression);
  } catch {
    return { content: 'Error: the arguments are not valid JSON; send {"expression": "…"}.', use: { name: 'calculator' } };
  }
  if (!expression.trim()) return { content: 'Error: no expression given; send {"expression": "…"}.', use: { name: 'calculator' } };
  try {
    const result = formatNumber(evaluate(expression));
    return { content: result, use: { name: 'calculator', detail: `${expression.trim()} = ${result}` } };
  } catch (error) {
    const reason = error instanceof CalcError ? error.message : 'the expression could not be evaluated';
    return { content: `Error: ${reason}.`, use: { name: 'calculator', detail: expression.trim() } };
  }
}

/** The names of the tools a request offered, read from its body's `tools`. */
export function offeredTools(tools: unknown): Set<string> {
  const names = new Set<string>();
  for (const t of Array.isArray(tools) ? (tools as Partial<ToolSpec>[]) : []) if (typeof t?.function?.name === 'string') names.add(t.function.name);
  return names;
}

/**
 * A call of a tool the request did not offer (`$web_search` with web search off, or a name the model made up) is
 * not run, and its arguments are not echoed: echoing `$web_search`'s is what makes Moonshot search, at a cost.
 * The model reads that it was refused and answers without it — models do invent tool names, and that should
 * not cost the user the answer.
 */
function refused(name: string): ToolOutcome {
  const shown = oneLine(name, FIELD_LIMITS.toolName);
  return { content: `Error: no tool named "${shown}" was offered in this request; answer without it.`, use: { name: shown, refused: true } };
}

/** Runs one call in the worker. Errors go back to the model as the result text, so it can correct itself. */
export function runTool(name: string, argumentsJson: string, offered: ReadonlySet<string>): ToolOutcome {
  if (!offered.has(name)) return refused(name);
  if (name === 'calculator') return calculate(argumentsJson);
  // The documented round trip: the arguments go back unchanged; Moonshot searches when it reads them.
  if (name === '$web_search') return { content: argumentsJson, use: { name: '$web_search' } };
  return refused(name);
}
