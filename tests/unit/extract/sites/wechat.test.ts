import { describe, expect, it } from 'vitest';
import { wechat } from '@/utils/extract/sites/wechat';
import { makePage } from './make-page';

const blank = makePage('https://example.com/', '').doc;

const BODY = `<div class="rich_media_content">
  <h1 class="rich_media_title" id="activity-name"> 月球的故事 </h1>
  <a id="js_name">天文小站</a><span id="js_author_name">李雷</span>
  <div id="js_content" style="visibility: hidden;">
    <section><p>月球是地球唯一的天然卫星。</p></section>
    <section><section><p>它影响着潮汐。</p></section></section>
    <script>var x = 1;</script>
  </div>
</div>`;

describe('wechat adapter', () => {
  it('matches mp.weixin.qq.com only', () => {
    expect(wechat.matches(new URL('https://mp.weixin.qq.com/s/abcdef'), blank)).toBe(true);
    expect(wechat.matches(new URL('https://weixin.qq.com/'), blank)).toBe(false);
  });

  it('reads the hidden article body with its title and account', () => {
    const { doc, win } = makePage('https://mp.weixin.qq.com/s/abcdef', BODY);
    const out = wechat.extract(doc, win)!;
    expect(out.title).toBe('月球的故事');
    expect(out.text.startsWith('天文小站 · 李雷')).toBe(true);
    expect(out.text).toContain('月球是地球唯一的天然卫星。\n\n它影响着潮汐。');
    expect(out.text).not.toContain('var x');
  });

  it('gives null when the article body is missing (deleted or blocked articles)', () => {
    const { doc, win } = makePage('https://mp.weixin.qq.com/s/gone', '<div class="weui-msg">该内容已被发布者删除</div>');
    expect(wechat.extract(doc, win)).toBeNull();
  });
});
