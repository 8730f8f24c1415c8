// A conversation reopened from history gets its other tabs back: those still open are read again, those open nowhere
// are named, never dropped silently.
import { describe, expect, it } from 'vitest';
import { restorePlan } from '@/utils/sources/tab-restore';

const kept = [
  { title: 'Alpha', url: 'http://127.0.0.1/tabs/alpha.html' },
  { title: 'Beta', url: 'http://127.0.0.1/tabs/beta.html' },
  { title: 'Delta', url: 'http://127.0.0.1/tabs/delta.html' },
  { title: 'Epsilon', url: 'http://127.0.0.1/tabs/epsilon.html' },
];

describe('restorePlan', () => {
  it('reads again the tabs open now (by address), names the closed ones, and leaves out the bound page', () => {
    const open = [
      { id: 1, url: 'http://127.0.0.1/tabs/alpha.html' },
      { id: 2, url: 'http://127.0.0.1/tabs/beta.html#part-2' },
      { id: 3, url: 'http://127.0.0.1/tabs/delta.html' },
      { id: 9, url: 'moz-extension://x/sidepanel.html?tabId=1' },
    ];
    expect(restorePlan(kept, open, 'http://127.0.0.1/tabs/alpha.html')).toEqual({
      found: [
        { tabId: 2, title: 'Beta' },
        { tabId: 3, title: 'Delta' },
      ],
      missing: [{ title: 'Epsilon', url: 'http://127.0.0.1/tabs/epsilon.html' }],
    });
  });

  it('names every source when none is open (nothing dropped), and uses each open tab once', () => {
    const twice = [kept[1], { title: 'Beta again', url: kept[1].url }];
    expect(restorePlan(twice, [{ id: 5, url: kept[1].url }], undefined)).toEqual({
      found: [{ tabId: 5, title: 'Beta' }],
      missing: [{ title: 'Beta again', url: kept[1].url }],
    });
    expect(restorePlan(kept, [], undefined).missing).toEqual(kept);
  });

  it('skips tabs whose address it cannot see (no permission to see it)', () => {
    expect(restorePlan([kept[1]], [{ id: 4 }, { url: kept[1].url }], undefined)).toEqual({ found: [], missing: [kept[1]] });
  });
});
