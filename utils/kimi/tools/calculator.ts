/**
 * A small arithmetic evaluator for the calculator tool: a recursive-descent
 * parser over a fixed grammar, so model-written text can never run as code
 * (no eval, no Function). Grammar, loosest binding first:
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/" | "%") unary)*
 *   unary   = ("-" | "+") unary | power
 *   power   = atom (("^" | "**") unary)?        right-associative; -2^2 = -4
 *   atom    = number | name | name "(" args ")" | "(" sum ")"
 */
type Fn = (...args: number[]) => number;

const FUNCTIONS: Record<string, { fn: Fn; min: number; max: number }> = {
  sqrt: { fn: Math.sqrt, min: 1, max: 1 },
  abs: { fn: Math.abs, min: 1, max: 1 },
  round: { fn: (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits, min: 1, max: 2 },
  floor: { fn: Math.floor, min: 1, max: 1 },
  ceil: { fn: Math.ceil, min: 1, max: 1 },
  min: { fn: Math.min, min: 1, max: 100 },
  max: { fn: Math.max, min: 1, max: 100 },
  log: { fn: Math.log, min: 1, max: 1 },
  ln: { fn: Math.log, min: 1, max: 1 },
  log10: { fn: Math.log10, min: 1, max: 1 },
  log2: { fn: Math.log2, min: 1, max: 1 },
  exp: { fn: Math.exp, min: 1, max: 1 },
  sin: { fn: Math.sin, min: 1, max: 1 },
  cos: { fn: Math.cos, min: 1, max: 1 },
  tan: { fn: Math.tan, min: 1, max: 1 },
  asin: { fn: Math.asin, min: 1, max: 1 },
  acos: { fn: Math.acos, min: 1, max: 1 },
  atan: { fn: Math.atan, min: 1, max: 1 },
  pow: { fn: Math.pow, min: 2, max: 2 },
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** Longer input or deeper nesting than this is not arithmetic a page question needs. */
const MAX_LENGTH = 1000;
const MAX_DEPTH = 64;

export class CalcError extends Error {}

type Token = { kind: 'num'; value: number; at: number } | { kind: 'name'; value: string; at: number } | { kind: 'op'; value: string; at: number };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(input.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0].toLowerCase(), at: i });
      i += name[0].length;
      continue;
    }
    if (input.startsWith('**', i)) {
      tokens.push({ kind: 'op', value: '^', at: i });
      i += 2;
      continue;
    }
    const op = { '×': '*', '÷': '/', '−': '-' }[c] ?? c;
    if ('+-*/%^(),'.includes(op)) {
      tokens.push({ kind: 'op', value: op, at: i });
      i++;
      continue;
    }
    throw new CalcError(`unexpected character "${c}" at position ${i + 1}`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): number {
    if (!this.tokens.length) throw new CalcError('the expression is empty');
    const value = this.sum();
    const extra = this.tokens[this.pos];
    if (extra) throw new CalcError(`unexpected "${extra.value}" at position ${extra.at + 1}`);
    return value;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) {
      const t = this.tokens[this.pos];
      throw new CalcError(t ? `expected "${op}" at position ${t.at + 1}` : `expected "${op}" at the end`);
    }
    this.pos++;
  }

  private sum(): number {
    let value = this.product();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      const right = this.product();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let op = this.peekOp('*', '/', '%'); op; op = this.peekOp('*', '/', '%')) {
      this.pos++;
      const right = this.unary();
      if ((op === '/' || op === '%') && right === 0) throw new CalcError('division by zero');
      value = op === '*' ? value * right : op === '/' ? value / right : value % right;
    }
    return value;
  }

  private unary(): number {
    if (++this.depth > MAX_DEPTH) throw new CalcError('the expression is nested too deeply');
    try {
      const op = this.peekOp('-', '+');
      if (op) {
        this.pos++;
        const value = this.unary();
        return op === '-' ? -value : value;
      }
      return this.power();
    } finally {
      this.depth--;
    }
  }

  private power(): number {
    const base = this.atom();
    if (!this.peekOp('^')) return base;
    this.pos++;
    return base ** this.unary();
  }

  private atom(): number {
    const t = this.tokens[this.pos];
    if (!t) throw new CalcError('the expression ends too early');
    this.pos++;
    if (t.kind === 'num') return t.value;
    if (t.kind === 'op') {
      if (t.value !== '(') throw new CalcError(`unexpected "${t.value}" at position ${t.at + 1}`);
      const value = this.sum();
      this.expect(')');
      return value;
    }
    if (this.peekOp('(')) return this.call(t.value, t.at);
    // Own names only: `in` would also find `constructor`, `__proto__`, `toString`… on Object.prototype.
    if (Object.hasOwn(CONSTANTS, t.value)) return CONSTANTS[t.value];
    throw new CalcError(`unknown name "${t.value}" at position ${t.at + 1}`);
  }

  private call(name: string, at: number): number {
    const f = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!f) throw new CalcError(`unknown function "${name}" at position ${at + 1}`);
    this.expect('(');
    const args: number[] = [];
    if (!this.peekOp(')')) {
      args.push(this.sum());
      while (this.peekOp(',')) {
        this.pos++;
        args.push(this.sum());
      }
    }
    this.expect(')');
    if (args.length < f.min || args.length > f.max) {
      const want = f.min === f.max ? `${f.min}` : `${f.min} to ${f.max}`;
      throw new CalcError(`${name}() takes ${want} argument(s), got ${args.length}`);
    }
    return f.fn(...args);
  }
}

/** The value of `expression`; throws CalcError with a short reason a model can act on. */
export function evaluate(expression: string): number {
  if (expression.length > MAX_LENGTH) throw new CalcError(`the expression is longer than ${MAX_LENGTH} characters`);
  const value = new Parser(tokenize(expression)).parse();
  if (!Number.isFinite(value)) throw new CalcError('the result is not a finite number');
  return value;
}

/** 12 significant digits: enough for any answer, and hides binary noise like 0.1+0.2 = 0.30000000000000004. */
export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(12));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
