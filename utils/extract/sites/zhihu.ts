import type { SiteAdapter } from '../site-adapter';
import { cleanedMarkdown, textOf } from '../site-adapter';
import { toMarkdown } from '../markdown';

/**
 * Zhihu questions (with every answer loaded on the page, each with its
 * author) and Zhuanlan column articles. Readability tends to keep a single
 * answer and drop the question.
 *
 * Try by hand:
 * - https://www.zhihu.com/question/19550225 (question with many answers)
 * - https://www.zhihu.com/question/19550225/answer/<id> (one answer in focus)
 * - https://zhuanlan.zhihu.com/p/<id> (column article)
 */
const NOISE = 'script, style, noscript, .RichText-LinkCardContainer, .ContentItem-actions, button';

export const zhihu: SiteAdapter = {
  id: 'zhihu',
  matches: (url) => /(^|\.)zhihu\.com$/.test(url.hostname),
  extract(doc) {
    const post = doc.querySelector('.Post-RichText, article .RichText');
    if (post && doc.querySelector('.Post-Title, .Post-Header')) {
      const author = textOf(doc.querySelector('.Post-Author .AuthorInfo-name, .AuthorInfo-name'));
      const body = cleanedMarkdown(post, NOISE, toMarkdown);
      return body ? { title: textOf(doc.querySelector('.Post-Title')) || undefined, text: withAuthor(author, body) } : null;
    }
    const title = textOf(doc.querySelector('.QuestionHeader-title'));
    const answers = Array.from(doc.querySelectorAll('.AnswerItem'));
    if (!title && !answers.length) return null;
    const parts: string[] = [];
    const detail = cleanedMarkdown(doc.querySelector('.QuestionRichText, .QuestionHeader-detail'), NOISE, toMarkdown);
    if (detail) parts.push(detail);
    answers.forEach((answer, i) => {
      const author = textOf(answer.querySelector('.AuthorInfo-name')) || metaName(answer);
      const body = cleanedMarkdown(answer.querySelector('.RichContent-inner, .RichText'), NOISE, toMarkdown);
      if (body) parts.push(`## ${i + 1}. ${author || '—'}\n\n${body}`);
    });
    return parts.length ? { title: title || undefined, text: parts.join('\n\n') } : null;
  },
};

function metaName(answer: Element): string {
  return answer.querySelector('[itemprop="author"] meta[itemprop="name"]')?.getAttribute('content')?.trim() ?? '';
}

function withAuthor(author: string, body: string): string {
  return author ? `${author}\n\n${body}` : body;
}
