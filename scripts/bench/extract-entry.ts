// Browser bundle for `npm run bench:extract`: the three extractors under test,
// each returning plain text and its own time, measured in the page.
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractPage } from '../../utils/extract';

type Run = { text: string; ms: number };

function timed(fn: () => string): Run {
  const t0 = performance.now();
  const text = fn();
  return { text, ms: performance.now() - t0 };
}

const extractors: Record<string, () => Run> = {
  moonlit: () => timed(() => extractPage(document, window).text),
  // What upstream's readability_js wrapper prints: textContent of the article, parsed from a copy.
  readability: () => timed(() => new Readability(document.cloneNode(true) as Document).parse()?.textContent ?? ''),
  defuddle: () => {
    let html = '';
    const run = timed(() => {
      html = new Defuddle(document).parse().content ?? '';
      return '';
    });
    // Turning the HTML into text is scoring, not extraction: outside the timer.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { text: doc.body?.textContent ?? '', ms: run.ms };
  },
};

/** Runs every extractor `rounds` times in rotating order; keeps each one's fastest time. */
function runAll(rounds: number): Record<string, Run> {
  const names = Object.keys(extractors);
  const best: Record<string, Run> = {};
  // Round 0 only warms caches and the JIT, so no extractor pays for going first.
  for (let r = -1; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r + names.length) % names.length];
      let run: Run;
      try {
        run = extractors[name]();
      } catch (error) {
        run = { text: '', ms: NaN };
        console.error(name, error);
      }
      if (r >= 0 && (!best[name] || run.ms < best[name].ms)) best[name] = run;
    }
  }
  return best;
}

function htmlText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
}

(globalThis as Record<string, unknown>).__moonlitBench = { runAll, htmlText };
