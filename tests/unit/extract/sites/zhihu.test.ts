import { describe, expect, it } from 'vitest';
import { zhihu } from '@/utils/extract/sites/zhihu';
import { makePage } from './make-page';

const blank = makePage('https://example.com/', '').doc;

const QUESTION = `<h1 class="QuestionHeader-title">月亮为什么总是同一面朝向地球？</h1>
<div class="QuestionRichText"><span class="RichText">一直很好奇这个问题。</span></div>
<div class="List-item"><div class="ContentItem AnswerItem">
  <div class="AuthorInfo"><span class="AuthorInfo-name">张三</span></div>
  <div class="RichContent-inner"><span class="RichText ztext"><p>因为潮汐锁定。</p><p>自转周期等于公转周期。</p></span></div>
  <div class="ContentItem-actions"><button>赞同 120</button>分享</div>
</div></div>
<div class="List-item"><div class="ContentItem AnswerItem">
  <div itemprop="author"><meta itemprop="name" content="李四"></div>
  <div class="RichContent-inner"><span class="RichText ztext"><p>补充一点：这需要很长时间。</p></span></div>
</div></div>`;

const ARTICLE = `<header class="Post-Header"><h1 class="Post-Title">潮汐锁定入门</h1></header>
<div class="Post-Author"><span class="AuthorInfo-name">王五</span></div>
<div class="Post-RichText RichText ztext"><h2>什么是潮汐锁定</h2><p>天体的一面始终朝向另一个天体。</p></div>`;

describe('zhihu adapter', () => {
  it('matches zhihu.com and its column subdomain', () => {
    expect(zhihu.matches(new URL('https://www.zhihu.com/question/1'), blank)).toBe(true);
    expect(zhihu.matches(new URL('https://zhuanlan.zhihu.com/p/2'), blank)).toBe(true);
    expect(zhihu.matches(new URL('https://notzhihu.com/'), blank)).toBe(false);
  });

  it('reads the question and every answer with its author, without the action bar', () => {
    const { doc, win } = makePage('https://www.zhihu.com/question/1', QUESTION);
    const out = zhihu.extract(doc, win)!;
    expect(out.title).toBe('月亮为什么总是同一面朝向地球？');
    expect(out.text).toContain('一直很好奇这个问题。');
    expect(out.text).toContain('## 1. 张三\n\n因为潮汐锁定。\n\n自转周期等于公转周期。');
    expect(out.text).toContain('## 2. 李四');
    expect(out.text).not.toContain('赞同');
  });

  it('reads a column article', () => {
    const { doc, win } = makePage('https://zhuanlan.zhihu.com/p/2', ARTICLE);
    const out = zhihu.extract(doc, win)!;
    expect(out.title).toBe('潮汐锁定入门');
    expect(out.text).toBe('王五\n\n## 什么是潮汐锁定\n\n天体的一面始终朝向另一个天体。');
  });

  it('gives null on other Zhihu pages', () => {
    const { doc, win } = makePage('https://www.zhihu.com/hot', '<div class="HotList">热榜</div>');
    expect(zhihu.extract(doc, win)).toBeNull();
  });
});
