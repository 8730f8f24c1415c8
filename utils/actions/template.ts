/**
 * Action prompts: text with `{{selection}}`, `{{title}}`, `{{url}}` and `{{language}}`. A hand-written scanner,
 * linear in the template; values are put in once and never scanned again, so a selection that contains
 * `{{url}}` or a closing tag stays text. The page's own words never go into the template: its variables name the
 * data Moonlit sends anyway, inside prompt-safe.ts's wrappers (`<selection>`, the page's Title and URL lines).
 */

export const TEMPLATE_VARIABLES = ['selection', 'title', 'url', 'language'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Longest prompt: a standing instruction, not a place for a document. */
export const PROMPT_MAX = 4000;

export type TemplatePart = { text: string } | { variable: TemplateVariable };

export type TemplateError = { kind: 'empty' } | { kind: 'too-long'; max: number } | { kind: 'unknown-variable'; name: string } | { kind: 'unclosed' };

export type Parsed = { ok: true; parts: TemplatePart[] } | { ok: false; error: TemplateError };

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** Splits a template into text and variables, or says what is wrong with it. */
export function parseTemplate(template: string): Parsed {
  if (!template.trim()) return { ok: false, error: { kind: 'empty' } };
  if (template.length > PROMPT_MAX) return { ok: false, error: { kind: 'too-long', max: PROMPT_MAX } };
  const parts: TemplatePart[] = [];
  let from = 0;
  for (let open = template.indexOf('{{'); open >= 0; open = template.indexOf('{{', from)) {
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, error: { kind: 'unclosed' } };
    const name = template.slice(open + 2, close).trim();
    if (!isVariable(name)) return { ok: false, error: { kind: 'unknown-variable', name: name.slice(0, 40) } };
    if (open > from) parts.push({ text: template.slice(from, open) });
    parts.push({ variable: name });
    from = close + 2;
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return { ok: true, parts };
}

/** The parts with each variable replaced by its value: one pass, the values are not read again. */
export function fillTemplate(parts: readonly TemplatePart[], values: Record<TemplateVariable, string>): string {
  return parts.map((p) => ('text' in p ? p.text : values[p.variable])).join('');
}

export const usesVariable = (parts: readonly TemplatePart[], variable: TemplateVariable) => parts.some((p) => 'variable' in p && p.variable === variable);
