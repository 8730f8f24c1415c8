// Generated article pages for the benches, from our own sentences, deterministic for a given size.

const SUBJECTS = [
  'The night ferry',
  'A harbour pilot',
  'The lighthouse keeper',
  'Our tide table',
  'The old breakwater',
  'A fishing cooperative',
  'The coastal survey',
  'Every dockside crane',
];
const VERBS = ['measured', 'recorded', 'rebuilt', 'questioned', 'outlasted', 'mapped', 'carried', 'predicted'];
const OBJECTS = [
  'the spring tides',
  'three winters of storms',
  'the silt in the channel',
  'a season of fog',
  'the shifting sandbars',
  'the evening cargo',
  'the drift of the buoys',
  'a century of logbooks',
];
const TAILS = [
  'before the council met again.',
  'with more care than anyone expected.',
  'and wrote it all down by hand.',
  'while the harbour slept.',
  'long after the funding ran out.',
  'in numbers nobody has disputed since.',
];

/** A small seeded generator, so every run builds the same page. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function sentence(r: () => number, i: number): string {
  const pick = (xs: string[]) => xs[Math.floor(r() * xs.length)];
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`.replace(/\.$/, ` (${i}).`);
}

/** An article page of about `bytes` bytes of HTML: header, nav, main article with headings and paragraphs, footer. */
export function articleHtml(bytes: number, { title = 'Tides of the Northern Harbour', seed = 7 } = {}): string {
  const r = rng(seed);
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><nav><a href="/">Home</a> · <a href="/news">News</a> · <a href="/about">About</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By the Harbour Desk</p>\n`;
  const foot = `</article></main><footer><p>© Harbour Gazette. Comments are closed.</p></footer></body></html>\n`;
  const parts = [head];
  let size = head.length + foot.length;
  let n = 0;
  while (size < bytes) {
    let chunk = n % 12 === 0 ? `<h2>Part ${n / 12 + 1}</h2>\n` : '';
    const count = 3 + Math.floor(r() * 4);
    const ss: string[] = [];
    for (let k = 0; k < count; k++) ss.push(sentence(r, n * 10 + k));
    chunk += `<p>${ss.join(' ')}</p>\n`;
    parts.push(chunk);
    size += chunk.length;
    n++;
  }
  parts.push(foot);
  return parts.join('');
}

/** Plain text of about `chars` characters (English prose with paragraph breaks), for Node-side benches. */
export function proseText(chars: number, seed = 11): string {
  const r = rng(seed);
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < chars) {
    const s = sentence(r, i++) + (i % 5 === 0 ? '\n\n' : ' ');
    out.push(s);
    size += s.length;
  }
  return out.join('').slice(0, chars);
}

/** A Markdown answer of about `chars` characters: headings, paragraphs, lists, a table and code, repeated. */
export function markdownAnswer(chars: number, seed = 5): string {
  const r = rng(seed);
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < chars) {
    const block = [
      `## Section ${i + 1}`,
      '',
      `${sentence(r, i)} **${sentence(r, i + 1).slice(0, 30)}** and \`inline code\` ${sentence(r, i + 2)}`,
      '',
      `- ${sentence(r, i + 3)}`,
      `- ${sentence(r, i + 4)}`,
      `- *${sentence(r, i + 5)}*`,
      '',
      '| tide | height |',
      '|---|---:|',
      `| spring | ${(r() * 9).toFixed(2)} m |`,
      `| neap | ${(r() * 4).toFixed(2)} m |`,
      '',
      '```js',
      `const tide = ${Math.floor(r() * 100)}; // ${sentence(r, i + 6).slice(0, 40)}`,
      '```',
      '',
    ].join('\n');
    out.push(block);
    size += block.length + 1;
    i++;
  }
  return out.join('\n').slice(0, chars);
}
