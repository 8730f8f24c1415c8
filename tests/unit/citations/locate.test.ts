// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findSpans, locatePassage } from '@/utils/citations/locate';
import { buildTextMap, foldText } from '@/utils/citations/locate-text';

const filler = (n: number, tag = 'p') =>
  Array.from({ length: n }, (_, i) => `<${tag}>Filler paragraph number ${i} talks about weather, tides and lamps.</${tag}>`).join('');

function page(html: string): void {
  document.body.innerHTML = html;
}

/** The located text with whitespace squeezed, as a reader would quote it. */
function found(quote: string, at = 0.5): string | null {
  const hit = locatePassage(document, { quote, at });
  return hit ? hit.range.toString().replace(/\s+/g, ' ').trim() : null;
}

beforeEach(() => page(''));

describe('foldText', () => {
  it('keeps letters and digits, lower-cased, in any script', () => {
    expect(foldText('The “Quick”  brown—fox\u00a0jumps; it\u00adself 42!')).toBe('thequickbrownfoxjumpsitself42');
    expect(foldText('蜂蜜，储存在巢房中。')).toBe('蜂蜜储存在巢房中');
    expect(foldText('**bold** | cell | # Heading')).toBe('boldcellheading');
  });
});

describe('locatePassage', () => {
  it('matches across whitespace, line breaks, case, quote styles, NBSP and soft hyphens', () => {
    page(`${filler(3)}<p>The  quick\n   brown fox&nbsp;jumps — “over” the laz\u00ady DOG.</p>${filler(3)}`);
    expect(found('the quick brown fox jumps - "over" the lazy dog.')).toBe('The quick brown fox jumps — “over” the laz\u00ady DOG.');
  });

  it('matches a passage split across inline elements, and the range starts and ends in the right text nodes', () => {
    page(`${filler(2)}<p id="p">Honey is <em>stored</em> in <a href="#x">wax <strong>cells</strong></a> near the brood.</p>${filler(2)}`);
    const hit = locatePassage(document, { quote: 'Honey is stored in wax cells near the brood.', at: 0.5 })!;
    expect(hit.match).toBe('exact');
    expect(hit.range.startContainer.textContent).toBe('Honey is ');
    expect(hit.range.startOffset).toBe(0);
    expect(hit.range.endContainer.textContent).toBe(' near the brood.');
    expect(hit.range.endOffset).toBe(' near the brood.'.length);
    expect(hit.range.toString()).toBe('Honey is stored in wax cells near the brood.');
  });

  it('matches a table row quoted without pipes', () => {
    page(`${filler(2)}<table><tbody>
      <tr><th>Hive</th><th>Honey</th><th>Unit</th></tr>
      <tr id="r"><td>North roof</td>
          <td>11.5</td>
          <td>kg</td></tr>
      <tr><td>South roof</td><td>9</td><td>kg</td></tr></tbody></table>${filler(2)}`);
    const hit = locatePassage(document, { quote: 'North roof 11.5 kg', at: 0.5 })!;
    expect(hit.range.startContainer.textContent).toBe('North roof');
    expect(hit.range.endContainer.textContent).toBe('kg');
    expect(hit.range.endContainer.parentElement!.closest('tr')!.id).toBe('r');
  });

  it('picks the occurrence nearest to `at` when the passage appears several times', () => {
    const twin = 'Remember to check the hive entrance every morning.';
    page(`<p id="a">${twin}</p>${filler(20)}<p id="b">${twin}</p>${filler(20)}<p id="c">${twin}</p>`);
    const where = (at: number) => locatePassage(document, { quote: twin, at })!.range.startContainer.parentElement!.id;
    expect(where(0)).toBe('a');
    expect(where(0.5)).toBe('b');
    expect(where(0.97)).toBe('c');
  });

  it('still finds a passage after the page re-rendered it into new elements', () => {
    const quote = 'Bees cluster around the queen to keep her near thirty-five degrees.';
    page(`${filler(4)}<p>${quote}</p>${filler(4)}`);
    expect(found(quote)).toBe(quote);
    // A framework re-render: new nodes, words split into spans, other text inserted around it.
    page(`<div class="app">${filler(6, 'div')}<section><span>Bees cluster</span> <span>around the</span>
      <b>queen</b><i> to keep her near thirty-five</i><span> degrees.</span></section><aside>New sidebar</aside>${filler(2, 'div')}</div>`);
    const hit = locatePassage(document, { quote, at: 0.5 })!;
    expect(hit.match).toBe('exact');
    expect(hit.range.toString().replace(/\s+/g, ' ')).toBe('Bees cluster around the queen to keep her near thirty-five degrees.');
  });

  it('falls back to the passage’s two ends when its middle changed', () => {
    const start = 'In early spring the beekeeper opens the hive on a warm afternoon, checks that the queen is laying, ';
    const end = 'and adds a super only when the bees cover seven or more frames of the brood box, never earlier in the year.';
    page(`${filler(3)}<p>${start}looks for swarm cells along the bottom bars, ${end}</p>${filler(3)}`);
    const hit = locatePassage(document, { quote: `${start}removes the mouse guard, ${end}`, at: 0.5 })!;
    expect(hit.match).toBe('ends');
    expect(hit.range.toString()).toBe(`${start}looks for swarm cells along the bottom bars, ${end}`);
  });

  it('falls back to the longest surviving beginning when the end was cut', () => {
    const kept = 'Varroa mites are counted with a sticky board left under the mesh floor for three days';
    page(`${filler(3)}<p>${kept}, then the board is thrown away.</p>${filler(3)}`);
    const hit = locatePassage(document, { quote: `${kept} and the count is divided by three to give the daily mite drop.`, at: 0.5 })!;
    expect(hit.match).toBe('head');
    // The comma glued to the last word comes along: the mark covers whole words.
    expect(hit.range.toString()).toBe(`${kept},`);
  });

  it('returns null for a passage that is gone', () => {
    page(`${filler(10)}<p>Something else entirely.</p>`);
    expect(locatePassage(document, { quote: 'Wax moths destroy stored combs unless they are frozen for two days first.', at: 0.5 })).toBeNull();
    expect(locatePassage(document, { quote: '   ', at: 0.5 })).toBeNull();
    expect(locatePassage(document, { quote: '— ** | # —', at: 0.5 })).toBeNull();
  });

  it('finds CJK text, with different punctuation and no spaces', () => {
    page(`${filler(2)}<p>蜂群在冬天<strong>聚成一团</strong>，靠振动翅膀保持温暖。</p><p>春天到了，蜂王开始产卵。</p>${filler(2)}`);
    expect(found('蜂群在冬天聚成一团, 靠振动翅膀保持温暖。')).toBe('蜂群在冬天聚成一团，靠振动翅膀保持温暖。');
    expect(found('春天到了，蜂王开始产卵')).toBe('春天到了，蜂王开始产卵。');
  });

  it('treats regex metacharacters in a quote as plain text', () => {
    const hostile = 'Price (USD) is $5.00 [approx.] * 2 ^ 3 | total? \\d+ .* (?<x>y) {1,2}';
    page(`${filler(2)}<p id="h"></p>${filler(2)}`);
    document.getElementById('h')!.textContent = hostile;
    expect(found(hostile)).toBe(hostile);
    expect(found('.*')).toBeNull();
  });

  it('handles very long quotes, found or not', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    page(`${filler(2)}<p>${words}</p>${filler(2)}`);
    expect(found(words)).toBe(words);
    expect(locatePassage(document, { quote: 'zebra '.repeat(20_000), at: 0.5 })).toBeNull();
    // Highly repetitive text and quote: bounded, and still a match.
    page(`<p>${'a'.repeat(50_000)}</p>`);
    expect(locatePassage(document, { quote: 'a'.repeat(30_000) + 'b', at: 0.5 })?.match).toBe('head');
  });

  it('ignores scripts, styles, templates and hidden elements', () => {
    const quote = 'The smoker calms the guard bees at the entrance.';
    page(`<script>var s = "${quote}";</script><style>/* ${quote} */</style><template><p>${quote}</p></template>
      <div hidden><p>${quote}</p></div><p id="real">${quote}</p>`);
    const map = buildTextMap(document.body);
    expect(map.text.split(foldText(quote)).length - 1).toBe(1);
    expect(locatePassage(document, { quote, at: 0 })!.range.startContainer.parentElement!.id).toBe('real');
  });

  it('looks inside open shadow roots', () => {
    page(`${filler(2)}<div id="host"></div>${filler(2)}`);
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Drones are evicted from the hive before winter.</p>';
    const hit = locatePassage(document, { quote: 'Drones are evicted from the hive before winter.', at: 0.5 })!;
    expect(hit.range.startContainer.getRootNode()).toBe(shadow);
    expect(hit.range.toString()).toBe('Drones are evicted from the hive before winter.');
  });
});

describe('findSpans', () => {
  it('orders candidates by nearness to `at`', () => {
    const text = 'xxxxxabcxxxxxxxxxxxxxxxxxxxxabcxxxxxxxxxxxxxxxabc';
    expect(findSpans(text, 'ABC', 0).map((s) => s.start)).toEqual([5, 28, 46]);
    expect(findSpans(text, 'ABC', 1).map((s) => s.start)).toEqual([46, 28, 5]);
  });
});
