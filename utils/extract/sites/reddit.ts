import type { SiteAdapter } from '../site-adapter';
import { cleanedMarkdown, textOf } from '../site-adapter';
import { toMarkdown } from '../markdown';

/**
 * Reddit threads: the post, then the loaded comments as an indented list
 * with authors, so "what do people say" questions see the discussion.
 * Handles the current site (<shreddit-post>/<shreddit-comment>) and old.reddit.com.
 *
 * Try by hand:
 * - https://www.reddit.com/r/firefox/comments/<id>/<slug>/ (text post with comments)
 * - https://old.reddit.com/r/firefox/comments/<id>/<slug>/
 */
interface Comment {
  author: string;
  depth: number;
  text: string;
}

export const reddit: SiteAdapter = {
  id: 'reddit',
  matches: (url) => /(^|\.)reddit\.com$/.test(url.hostname) && /\/comments\//.test(url.pathname),
  extract(doc) {
    const post = doc.querySelector('shreddit-post');
    return post ? current(doc, post) : old(doc);
  },
};

function current(doc: Document, post: Element) {
  const title = post.getAttribute('post-title') ?? textOf(doc.querySelector('h1'));
  const author = post.getAttribute('author') ?? '';
  const body = cleanedMarkdown(post.querySelector('[slot="text-body"]'), '', toMarkdown);
  const comments = Array.from(doc.querySelectorAll('shreddit-comment'), (c) => ({
    author: c.getAttribute('author') ?? '',
    depth: Number(c.getAttribute('depth')) || 0,
    // Only this comment's own text: replies are nested inside it and listed on their own.
    text: cleanedMarkdown(c.querySelector(':scope > [slot="comment"]'), '', toMarkdown),
  }));
  return compose(title, author, body, comments);
}

function old(doc: Document) {
  const link = doc.querySelector('#siteTable .thing.link, .thing.link');
  if (!link) return null;
  const title = textOf(link.querySelector('a.title'));
  const author = textOf(link.querySelector('.author'));
  const body = cleanedMarkdown(link.querySelector('.usertext-body .md'), '', toMarkdown);
  const comments = Array.from(doc.querySelectorAll('.commentarea .thing.comment'), (c) => ({
    author: textOf(c.querySelector(':scope > .entry .author')),
    depth: depthIn(c),
    text: cleanedMarkdown(c.querySelector(':scope > .entry .usertext-body .md'), '', toMarkdown),
  }));
  return compose(title, author, body, comments);
}

function depthIn(comment: Element): number {
  let depth = 0;
  for (let p = comment.parentElement; p; p = p.parentElement) if (p.matches('.thing.comment')) depth++;
  return depth;
}

function compose(title: string, author: string, body: string, comments: Comment[]) {
  const parts = [author ? `u/${author}` : '', body].filter(Boolean);
  const list = comments
    .filter((c) => c.text)
    .map((c) => {
      const pad = '  '.repeat(c.depth);
      const lines = c.text.split('\n').filter((l) => l.trim());
      return `${pad}- u/${c.author || '[deleted]'}: ${lines.join(`\n${pad}  `)}`;
    });
  if (list.length) parts.push(`## Comments (${list.length})\n\n${list.join('\n')}`);
  return parts.length ? { title: title || undefined, text: parts.join('\n\n') } : null;
}
