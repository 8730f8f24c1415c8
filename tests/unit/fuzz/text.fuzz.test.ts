import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { plainWords, withoutLinkUrls } from '@/utils/citations/plain-words';
import { cleanPageText } from '@/utils/documents/clean-text';
import { htmlToText } from '@/utils/documents/html-text';
import { failureFromResponse } from '@/utils/kimi/errors';
import { trimLineEnds } from '@/utils/text/line-ends';
import { splitIntoParts, textBlocks } from '@/utils/panel/parts';
import { check, repeated, RUNS, TEST_TIMEOUT } from './fuzz-setup';
import { longLine } from './arbitraries';
import { oldCleanPageText, oldLinkText, oldSpacesAroundBreaks, oldStripTags } from './reference';

/** Short texts over the characters these functions care about, for comparing with the old regexes. */
const shortText = (alphabet: string[]) => repeated(fc.constantFrom(...alphabet), 0, 24);

describe('page, file and passage text under generated long lines', () => {
  test(
    `lines of 60–200 K characters (${RUNS} inputs): plain words, PDF clean-up, HTML to text and parts finish, losing nothing they keep`,
    () => {
      check(longLine, (line) => {
        expect(plainWords(line).length).toBeLessThanOrEqual(line.length);
        expect(cleanPageText(line).length).toBeLessThanOrEqual(line.length);
        expect(htmlToText(line).length).toBeLessThanOrEqual(line.length);
        expect(trimLineEnds(line).length).toBeLessThanOrEqual(line.length);
        expect(textBlocks(line).join('\n').trim()).toBe(line.trim());
        const parts = splitIntoParts(line, 2000);
        // Parts cover the text in order: nothing is cut or dropped.
        expect(parts.join('').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
        // A hostile endpoint's HTML error page goes through the same reader, read only up to its bound.
        const page = `<script ${line.slice(0, 40)}`.repeat(10_000);
        const failure = failureFromResponse(new Response(null, { status: 502 }), page);
        expect(failure.kind).toBe('http');
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'link text is kept as the old regex kept it',
    () => {
      check(
        shortText(['[', ']', '(', ')', ' ', 'a', 'u', '\n', '![']),
        (text) => {
          expect(withoutLinkUrls(text)).toBe(oldLinkText(text));
        },
        3000,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'PDF page clean-up gives what the old regexes gave',
    () => {
      check(
        shortText(['a', ' ', '\t', '\n', 'x.qxd', ' 2/10/04', '1/2/3', '⊕', '|', '\u00ad', '\u0007', '.eps', 'Page']),
        (text) => {
          expect(cleanPageText(text)).toBe(oldCleanPageText(text));
        },
        3000,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'HTML to text gives what the old regexes gave',
    () => {
      const html = shortText(['<', '>', '/', 'p', 'script', 'td', '<!--', '-->', ' ', '\n', 'a', '<br>', '</script >', '<style>', '</STYLE>']);
      check(
        html,
        (text) => {
          const expected = oldSpacesAroundBreaks(oldStripTags(text).replace(/[ \t\u00a0]+/g, (m) => (m.includes('\t') ? '\t' : ' ')))
            .replace(/\n{3,}/g, '\n\n')
            .trim();
          expect(htmlToText(text)).toBe(expected);
        },
        3000,
      );
    },
    TEST_TIMEOUT,
  );
});
