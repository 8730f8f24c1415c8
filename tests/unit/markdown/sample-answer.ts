/** A long mixed answer (headings, lists, a table, code, quotes, math, a late reference). */
export function sampleAnswer(repeats: number): string {
  const part = (i: number) => `## Section ${i}

Some prose with **bold**, _emphasis_, \`inline code\` and a [link][ref${i}] plus [another](https://example.com/${i}).

1. First item
2. Second item with a [direct link](https://example.org/a)
   - nested bullet

| key | value |
|-----|------:|
| a${i} | ${i} |

\`\`\`ts
export function f${i}(x: number): number {

  return x * ${i};
}
\`\`\`

> A quote that runs
> over two lines.

Inline math $x^${i}$ and a price of $5 and $10.

[ref${i}]: https://example.com/ref/${i}

`;
  let text = '# Answer\n\n';
  for (let i = 0; i < repeats; i++) text += part(i);
  return text + 'The end.\n';
}
