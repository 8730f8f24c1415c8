import type { SiteAdapter } from '../site-adapter';
import { cleanedMarkdown, textOf } from '../site-adapter';
import { toMarkdown } from '../markdown';
import { githubCode } from '../github-code';

/**
 * GitHub: source files (as one fenced block, whole file), issues and pull
 * requests (description and every loaded comment, with authors), and a
 * repository's README. Other GitHub pages go the generic way.
 *
 * Try by hand:
 * - https://github.com/mozilla/readability/blob/main/Readability.js (code view)
 * - https://github.com/mozilla/readability/issues/1 (issue with comments)
 * - https://github.com/mozilla/readability/pull/900 (pull request conversation)
 * - https://github.com/mozilla/readability (README)
 */
const CODE = /^\/[^/]+\/[^/]+\/blob\//;
const THREAD = /^\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d+/;
const REPO = /^\/[^/]+\/[^/]+\/?$/;

export const github: SiteAdapter = {
  id: 'github',
  matches: (url) => url.hostname === 'github.com' && (CODE.test(url.pathname) || THREAD.test(url.pathname) || REPO.test(url.pathname)),
  extract(doc) {
    const path = new URL(doc.location.href).pathname;
    if (CODE.test(path)) return githubCode(doc, path);
    if (THREAD.test(path)) return thread(doc);
    const readme = doc.querySelector('article.markdown-body');
    return readme ? { text: cleanedMarkdown(readme, 'svg, .anchor', toMarkdown) } : null;
  },
};

function thread(doc: Document) {
  const title = textOf(doc.querySelector('[data-testid="issue-title"], .js-issue-title, bdi.markdown-title'));
  const bodies = Array.from(doc.querySelectorAll('.markdown-body')).filter(
    (b) => !b.parentElement?.closest('.markdown-body') && !b.closest('form, [hidden], .js-preview-body'),
  );
  const parts = bodies.map((body) => {
    const box = body.closest('.timeline-comment, .js-comment, [data-testid="comment-viewer-outer-box"], .react-issue-comment, .TimelineItem');
    const author = textOf(box?.querySelector('.author, [data-testid="avatar-link"], a[data-hovercard-type="user"]'));
    const text = cleanedMarkdown(body, 'svg, .anchor', toMarkdown);
    return text ? (author ? `**${author}**:\n\n${text}` : text) : '';
  });
  const text = parts.filter(Boolean).join('\n\n---\n\n');
  return text ? { title: title || undefined, text } : null;
}
