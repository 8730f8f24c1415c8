/**
 * KaTeX is imported only when an answer contains math, so it is a separate chunk
 * and not part of the panel's first load. Output is MathML only: the HTML output
 * needs inline styles, which the sanitizer removes.
 */
type Katex = typeof import('katex').default;

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;

export function loadedKatex(): Katex | null {
  return katex;
}

export function loadKatex(): Promise<Katex> {
  loading ??= import('katex').then((mod) => (katex = mod.default));
  return loading;
}

/** MathML markup for `tex` (errors are rendered as text, never thrown). Still needs sanitising. */
export function texToMathml(k: Katex, tex: string, display: boolean): string {
  return k.renderToString(tex, {
    displayMode: display,
    output: 'mathml',
    throwOnError: false,
    trust: false, // no \href, \url, \includegraphics, \htmlClass…
    strict: 'ignore',
    maxSize: 20,
    maxExpand: 200,
  });
}
