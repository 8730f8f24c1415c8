import { describe, expect, it } from 'vitest';
import { afterRequest, covers, filterEntries, mentionQuery, permissionPlan, pickEntries } from '../../../utils/sources/tab-pick';

const OWN = 'chrome-extension://moonlit-id/';
const tabs = [
  { id: 1, title: 'Moonlit docs', url: 'https://docs.example/a', favIconUrl: 'https://docs.example/favicon.ico' },
  { id: 2, title: 'Settings', url: 'chrome://settings/' },
  { id: 3, title: 'Store', url: 'https://chromewebstore.google.com/detail/x' },
  { id: 4, title: 'Other extension', url: 'chrome-extension://other-id/page.html' },
  { id: 5, title: 'Moonlit panel', url: `${OWN}sidepanel.html?tabId=1` },
  { id: 6 },
  { id: 7, title: 'Blank', url: 'about:blank' },
  { id: 8, title: 'Firefox add-on page', url: 'moz-extension://abc/x.html', favIconUrl: 'javascript:alert(1)' },
  { id: 9, title: 'News on the moon', url: 'http://127.0.0.1:8080/news' },
];

describe('the Add tabs picker', () => {
  it('lists the window tabs with the reason those that can not be read are disabled, and leaves out Moonlit’s own pages', () => {
    const entries = pickEntries(tabs, OWN, new Set([9]));
    expect(entries.map((e) => [e.tabId, e.blocked])).toEqual([
      [1, undefined],
      [2, 'browser-page'],
      [3, 'store'],
      [4, 'extension'],
      [6, 'hidden'],
      [7, 'browser-page'],
      [8, 'extension'],
      [9, 'added'],
    ]);
    expect(entries[0]).toMatchObject({ title: 'Moonlit docs', host: 'docs.example', icon: 'https://docs.example/favicon.ico' });
    expect(entries.find((e) => e.tabId === 8)?.icon).toBeUndefined();
    expect(entries.find((e) => e.tabId === 9)?.host).toBe('127.0.0.1:8080');
  });

  it('filters by title or host, those starting with the query first, in any case', () => {
    const entries = pickEntries(tabs, OWN, new Set());
    expect(filterEntries(entries, 'MOON').map((e) => e.tabId)).toEqual([1, 9]);
    expect(filterEntries(entries, 'news').map((e) => e.tabId)).toEqual([9]);
    expect(filterEntries(entries, '127.0').map((e) => e.tabId)).toEqual([9]);
    expect(filterEntries(entries, '  ').length).toBe(entries.length);
    expect(filterEntries(entries, 'nothing like it')).toEqual([]);
  });

  it('@ opens the list at the end of the question, filtered by what follows it', () => {
    expect(mentionQuery('@')).toEqual({ query: '', before: '' });
    expect(mentionQuery('compare with @new')).toEqual({ query: 'new', before: 'compare with ' });
    expect(mentionQuery('mail me at me@example.com')).toBeNull();
    expect(mentionQuery('no mention')).toBeNull();
    expect(mentionQuery('@x\nmore')).toBeNull();
  });
});

describe('the permission flow of the Add click', () => {
  const entries = pickEntries(
    [
      { id: 1, title: 'A', url: 'https://a.example/1' },
      { id: 2, title: 'A again', url: 'https://a.example/2' },
      { id: 3, title: 'B', url: 'https://b.example/' },
      { id: 4, title: 'Loop', url: 'http://127.0.0.1:9000/x' },
      { id: 5, title: 'Bound', url: 'https://c.example/' },
    ],
    OWN,
    new Set(),
  );

  it('asks once per origin not granted; granted origins and the bound tab (activeTab) are read at once', () => {
    const plan = permissionPlan(entries, ['http://127.0.0.1/*', 'https://api.moonshot.ai/*'], 5);
    expect(plan.ready.map((e) => e.tabId)).toEqual([4, 5]);
    expect(plan.ask).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('asks nothing when every origin is granted', () => {
    expect(permissionPlan(entries, ['<all_urls>']).ask).toEqual([]);
    expect(permissionPlan(entries, ['https://*/*', 'http://*/*']).ask).toEqual([]);
  });

  it('a refusal adds only the tabs that needed nothing, and names the refused ones', () => {
    const plan = permissionPlan(entries, ['http://127.0.0.1/*'], 5);
    const refused = afterRequest(entries, plan, false);
    expect(refused.add.map((e) => e.tabId)).toEqual([4, 5]);
    expect(refused.refused.map((e) => e.title)).toEqual(['A', 'A again', 'B']);
    expect(afterRequest(entries, plan, true)).toEqual({ add: entries, refused: [] });
  });

  it('host patterns: scheme, wildcard subdomains, ports ignored', () => {
    expect(covers('https://*.example/*', 'https://a.b.example/x')).toBe(true);
    expect(covers('https://*.example/*', 'https://example/x')).toBe(true);
    expect(covers('https://a.example/*', 'http://a.example/')).toBe(false);
    expect(covers('*://a.example/*', 'http://a.example/')).toBe(true);
    expect(covers('http://127.0.0.1/*', 'http://127.0.0.1:8123/page')).toBe(true);
    expect(covers('http://127.0.0.1/*', 'http://localhost/page')).toBe(false);
    expect(covers('*://a.example/*', 'ftp://a.example/')).toBe(false);
  });
});
