import type { SiteAdapter } from '../site-adapter';
import { cleanedMarkdown, textOf } from '../site-adapter';
import { toMarkdown } from '../markdown';

/**
 * WeChat official-account articles. The body (#js_content) starts hidden
 * until the page's scripts run, and is built from nested <section>s that
 * generic scoring often misreads; the account name is worth keeping.
 *
 * Try by hand:
 * - any https://mp.weixin.qq.com/s/<id> article link shared from WeChat
 * - https://mp.weixin.qq.com/s?__biz=…&mid=…&idx=1&sn=… (long-form URL)
 */
export const wechat: SiteAdapter = {
  id: 'wechat',
  matches: (url) => url.hostname === 'mp.weixin.qq.com',
  extract(doc) {
    const body = cleanedMarkdown(doc.querySelector('#js_content'), 'script, style, mp-style-type, .js_uneditable', toMarkdown);
    if (!body) return null;
    const title = textOf(doc.querySelector('#activity-name, .rich_media_title'));
    const account = textOf(doc.querySelector('#js_name'));
    const author = textOf(doc.querySelector('#js_author_name, .rich_media_meta_text'));
    const byline = [account, author].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ');
    return { title: title || undefined, text: (byline ? byline + '\n\n' : '') + body };
  },
};
