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

/** TeX longer or nested deeper than this is shown as its source: KaTeX recurses per level and overflows the stack. */
export const MAX_TEX_LENGTH = 4000;
export const MAX_TEX_DEPTH = 64;

/**
 * MathML markup for `tex` (still needs sanitising), or null when it is too big or too deep to
 * render, or KaTeX fails on it anyway: the caller keeps showing the source as text.
 * Parse errors are rendered by KaTeX itself, as text.
 */
export function texToMathml(k: Katex, tex: string, display: boolean): string | null {
  if (tex.length > MAX_TEX_LENGTH || texDepth(tex) > MAX_TEX_DEPTH) return null;
  try {
    return k.renderToString(tex, {
      displayMode: display,
      output: 'mathml',
      throwOnError: false,
      trust: false, // no \href, \url, \includegraphics, \htmlClass…
      strict: 'ignore',
      maxSize: 20,
      maxExpand: 200,
    });
  } catch {
    return null; // a RangeError (stack) or an internal error: never a broken answer
  }
}

/**
 * How deeply groups nest: braces, \left…\right, \begin…\end. A chain of commands that take
 * arguments without braces (\frac\frac\frac…, \sqrt\sqrt…) nests as deep, so each command
 * right after another counts as a level until something else comes. One pass.
 */
export function texDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  let chain = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      let j = i + 1;
      while (j < tex.length && /[a-zA-Z]/.test(tex[j])) j++;
      const name = tex.slice(i + 1, j);
      if (name === 'left' || name === 'begin') depth++;
      else if (name === 'right' || name === 'end') depth = Math.max(0, depth - 1);
      chain = name ? chain + 1 : 0;
      i = Math.max(i, j - 1);
      if (!name) i++; // an escaped character
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (!/\s/.test(c)) {
      chain = 0;
    }
    max = Math.max(max, depth + chain);
  }
  return max;
}
