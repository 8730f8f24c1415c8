import { describe, expect, it } from 'vitest';
import { reddit } from '@/utils/extract/sites/reddit';
import { makePage } from './make-page';

const blank = makePage('https://example.com/', '').doc;

const CURRENT = `<shreddit-post post-title="Is the Moon drifting away?" author="stargazer">
  <div slot="text-body"><p>I read it moves 3.8 cm a year.</p></div>
</shreddit-post>
<shreddit-comment author="astro_dan" depth="0">
  <div slot="comment"><p>Yes, because of tidal friction.</p></div>
  <shreddit-comment author="curious" depth="1"><div slot="comment"><p>Will it ever leave?</p></div></shreddit-comment>
</shreddit-comment>`;

const OLD = `<div id="siteTable"><div class="thing link"><a class="title">Is the Moon drifting away?</a>
  <a class="author">stargazer</a><div class="usertext-body"><div class="md"><p>Body text.</p></div></div></div></div>
<div class="commentarea"><div class="thing comment"><div class="entry"><a class="author">astro_dan</a>
  <div class="usertext-body"><div class="md"><p>Top level.</p></div></div></div>
  <div class="child"><div class="thing comment"><div class="entry"><a class="author">curious</a>
    <div class="usertext-body"><div class="md"><p>A reply.</p></div></div></div></div></div>
</div></div>`;

describe('reddit adapter', () => {
  it('matches comment threads only', () => {
    expect(reddit.matches(new URL('https://www.reddit.com/r/space/comments/abc/moon/'), blank)).toBe(true);
    expect(reddit.matches(new URL('https://www.reddit.com/r/space/'), blank)).toBe(false);
  });

  it('reads the post and the nested comments of the current site', () => {
    const { doc, win } = makePage('https://www.reddit.com/r/space/comments/abc/moon/', CURRENT);
    const out = reddit.extract(doc, win)!;
    expect(out.title).toBe('Is the Moon drifting away?');
    expect(out.text).toBe(
      'u/stargazer\n\nI read it moves 3.8 cm a year.\n\n## Comments (2)\n\n' +
        '- u/astro_dan: Yes, because of tidal friction.\n  - u/curious: Will it ever leave?',
    );
  });

  it('reads old.reddit.com threads with reply depth', () => {
    const { doc, win } = makePage('https://old.reddit.com/r/space/comments/abc/moon/', OLD);
    const out = reddit.extract(doc, win)!;
    expect(out.title).toBe('Is the Moon drifting away?');
    expect(out.text).toContain('- u/astro_dan: Top level.\n  - u/curious: A reply.');
  });
});
