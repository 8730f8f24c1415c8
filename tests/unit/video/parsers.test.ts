// @vitest-environment happy-dom
// Caption parsers on bodies shaped like the services' own (written here from their documented formats).
import { describe, expect, test } from 'vitest';
import { parseBilibiliSubtitle } from '@/utils/video/bilibili-subtitle';
import { CaptionFormatError, tidyCues } from '@/utils/video/cues';
import { decodeEntities, parseTimedTextXml } from '@/utils/video/timed-text-xml';
import { parseJson3 } from '@/utils/video/youtube-json3';

describe('json3', () => {
  test('uploaded captions: one event a line, words joined', () => {
    const body = {
      wireMagic: 'pb3',
      pens: [{}],
      events: [
        { tStartMs: 0, dDurationMs: 2400, segs: [{ utf8: 'Welcome to the ' }, { utf8: 'show.' }] },
        { tStartMs: 2400, dDurationMs: 3100, segs: [{ utf8: 'Today:\nrivers.' }] },
      ],
    };
    expect(parseJson3(body)).toEqual([
      { start: 0, end: 2.4, text: 'Welcome to the show.' },
      { start: 2.4, end: 5.5, text: 'Today: rivers.' },
    ]);
  });

  test('automatic captions: window events and line-break appends are dropped', () => {
    const body = {
      events: [
        { tStartMs: 0, dDurationMs: 100000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
        { tStartMs: 160, dDurationMs: 4000, wWinId: 1, segs: [{ utf8: 'so' }, { utf8: ' today', tOffsetMs: 240, acAsrConf: 0 }] },
        { tStartMs: 2950, dDurationMs: 1210, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] },
        { tStartMs: 2960, dDurationMs: 4000, wWinId: 1, segs: [{ utf8: 'we' }, { utf8: ' talk', tOffsetMs: 300 }] },
      ],
    };
    expect(parseJson3(body).map((c) => c.text)).toEqual(['so today', 'we talk']);
  });

  test('another shape is a format error, never an empty transcript', () => {
    for (const bad of [null, {}, { events: 'x' }, { events: [{ segs: [{ utf8: 'no time' }] }] }]) {
      expect(() => parseJson3(bad)).toThrow(CaptionFormatError);
    }
  });
});

describe('timed-text XML', () => {
  const parser = new DOMParser();

  test('the old shape, with its doubled escaping', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8" ?><transcript><text start="0.5" dur="2.1">It&amp;#39;s &amp;quot;fine&amp;quot;</text><text start="2.6" dur="1">a &amp;lt;b&amp;gt;</text></transcript>';
    expect(parseTimedTextXml(xml, parser)).toEqual([
      { start: 0.5, end: 2.6, text: `It's "fine"` },
      { start: 2.6, end: 3.6, text: 'a <b>' },
    ]);
  });

  test('format 3: milliseconds, words in <s>', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8" ?><timedtext format="3"><body><p t="1000" d="2500"><s ac="0">hello</s><s t="400"> world</s></p><p t="3500" d="1000">again</p></body></timedtext>';
    expect(parseTimedTextXml(xml, parser)).toEqual([
      { start: 1, end: 3.5, text: 'hello world' },
      { start: 3.5, end: 4.5, text: 'again' },
    ]);
  });

  test('not XML, or another document, is a format error', () => {
    expect(() => parseTimedTextXml('<html><body>consent</body></html>', parser)).toThrow(CaptionFormatError);
    expect(() => parseTimedTextXml('<transcript><text>no start</text></transcript>', parser)).toThrow(CaptionFormatError);
  });

  test('entity decoding leaves unknown or broken entities as text', () => {
    expect(decodeEntities('a &amp; b &#x4E2D;&#25991; &bogus; & &#xD800; &#99999999;')).toBe('a & b 中文 &bogus; & &#xD800; &#99999999;');
  });
});

describe('Bilibili subtitle JSON', () => {
  test('body lines in seconds', () => {
    const body = {
      font_size: 0.4,
      font_color: '#FFFFFF',
      background_alpha: 0.5,
      Stroke: 'none',
      type: 'AIsubtitle',
      lang: 'zh',
      version: 'v1.6.0.4',
      body: [
        { from: 0.32, to: 2.1, sid: 1, location: 2, content: '大家好', music: 0 },
        { from: 2.1, to: 4.8, sid: 2, location: 2, content: '今天我们聊聊河流', music: 0 },
      ],
    };
    expect(parseBilibiliSubtitle(body)).toEqual([
      { start: 0.32, end: 2.1, text: '大家好' },
      { start: 2.1, end: 4.8, text: '今天我们聊聊河流' },
    ]);
  });

  test('another shape is a format error', () => {
    for (const bad of [null, { body: {} }, { body: [{ to: 1, content: 'x' }] }, { body: [{ from: 1, content: 2 }] }]) {
      expect(() => parseBilibiliSubtitle(bad)).toThrow(CaptionFormatError);
    }
  });
});

test('tidying sorts, drops empty cues, folds white space and merges a repeated line', () => {
  expect(
    tidyCues([
      { start: 5, end: 6, text: ' b ' },
      { start: 1, end: 2, text: 'a' },
      { start: 2, end: 3, text: 'a' },
      { start: 3, end: 2, text: '  \n ' },
      { start: Number.NaN, end: 1, text: 'x' },
    ]),
  ).toEqual([
    { start: 1, end: 3, text: 'a' },
    { start: 5, end: 6, text: 'b' },
  ]);
});
