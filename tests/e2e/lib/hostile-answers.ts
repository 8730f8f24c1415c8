// Model answers built to freeze or break a Markdown renderer: what the old code took seconds, minutes or
// forever on (exponential citation markers), or overflowed the stack on (deep nesting, deep TeX). Each comes
// with a check run in the panel: the part that could not be formatted shows as text, the rest renders.
import { waitFor, type UiPage } from './ui-driver';

export interface HostileAnswer {
  name: string;
  content: string;
  /** Runs in the panel on the answer's element; returns a problem, or '' when the answer looks right. */
  check: (answerIndex: number) => string;
}

const markers = Array.from({ length: 40 }, (_, i) => `P${i + 1}`).join(' ');

export const HOSTILE_ANSWERS: HostileAnswer[] = [
  {
    name: 'an unclosed citation marker of 40 items, three times (2^40 steps for the old pattern)',
    content: `The claim [${markers}\n\nAgain [${markers}, and once more 【${markers}\n\nEnd of markers.`,
    check: (i) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      const text = el?.textContent ?? '';
      if (!text.includes('End of markers.')) return 'the text after the markers is missing';
      if (!text.includes('P40')) return 'the marker text was dropped';
      return el.querySelector('button.md-cite') ? 'an unclosed marker became a citation' : '';
    },
  },
  {
    name: 'quotes nested 4000 deep',
    content: `${'>'.repeat(4000)} deep quote end\n\nAfter the quote.`,
    check: (i) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      let depth = 0;
      for (let q = el?.querySelector('blockquote'); q; q = q.querySelector(':scope > blockquote')) depth++;
      const text = el?.textContent ?? '';
      if (depth < 2 || depth > 17) return `quotes nest ${depth} deep`;
      if (!text.includes('deep quote end') || !text.includes('After the quote.')) return 'text is missing';
      return text.includes('>>>>') ? '' : 'the quote markers beyond the bound are not shown as text';
    },
  },
  {
    name: 'a list nested 300 deep',
    content: `${Array.from({ length: 300 }, (_, k) => `${'  '.repeat(k)}- level ${k + 1}`).join('\n')}\n\nAfter the list.`,
    check: (i) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      const text = el?.textContent ?? '';
      if (!text.includes('level 300') || !text.includes('After the list.')) return 'text is missing';
      const deepest = Math.max(
        0,
        ...Array.from(el.querySelectorAll('li'), (li) => {
          let d = 0;
          for (let p: Element | null = li; p && p !== el; p = p.parentElement) if (p.localName === 'li') d++;
          return d;
        }),
      );
      return deepest >= 2 && deepest <= 17 ? '' : `items nest ${deepest} deep`;
    },
  },
  {
    name: 'bold nested 3000 deep',
    content: `${'**a '.repeat(3000)}core${' a**'.repeat(3000)}\n\nAfter the bold.`,
    check: (i) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      const text = el?.textContent ?? '';
      if (!text.includes('core') || !text.includes('After the bold.')) return 'text is missing';
      return el.querySelectorAll('strong').length > 0 ? '' : 'no bold at all';
    },
  },
  {
    name: 'TeX with 2000 nested braces (shown as its source)',
    content: `Formula:\n\n$$${'{'.repeat(2000)}x${'}'.repeat(2000)}$$\n\nAfter the formula.`,
    check: (i) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      const math = el?.querySelector('.md-math');
      if (!math) return 'no math placeholder';
      if (!math.classList.contains('md-math-source')) return `math not shown as source: ${math.className}`;
      if ((math.textContent ?? '').length < 4000) return 'the TeX source is not all there';
      return (el.textContent ?? '').includes('After the formula.') ? '' : 'text after the formula is missing';
    },
  },
];

/**
 * Waits until `answer.check` passes for answer `index` in the panel (math is upgraded once KaTeX has loaded,
 * so it can take a moment); returns '' then, or the last problem seen after `timeoutMs`.
 */
export async function checkHostileAnswer(panel: UiPage, answer: HostileAnswer, index: number, timeoutMs = 20_000): Promise<string> {
  let problem = 'not checked';
  try {
    await waitFor(`${answer.name} to render`, async () => (problem = await panel.evaluate(answer.check, index)) === '', timeoutMs);
  } catch {
    return problem;
  }
  return '';
}
