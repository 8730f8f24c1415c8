// What a content script may learn about Moonlit, as assertions on the probe's report (content-world-probe.ts).
import assert from 'node:assert/strict';
import type { ProbeReport } from './content-world-probe';
import { keyLeaks } from './moonlit-setup';

/** What a content script may learn: nothing of the key, no answer to any message, a port closed at once. */
export function checkProbe(report: ProbeReport, json: string, opts: { sessionDenied: boolean; filesClosed: boolean }): void {
  assert.deepEqual(keyLeaks(json), [], `the content-script world found the key: ${json.slice(0, 600)}`);
  assert.ok(report.areas.local.ok, `storage.local should be readable (it holds no secret): ${report.areas.local.error}`);
  if (opts.sessionDenied) {
    assert.equal(report.areas.session.ok, false, 'storage.session should be closed to content scripts');
  }
  assert.ok(!report.idb.error, `IndexedDB should open (the page's own): ${report.idb.error}`);
  assert.ok(!report.idb.stores?.includes('secrets'), `the page origin's "moonlit-secrets" should have no store: ${report.idb.stores}`);
  assert.equal(report.idb.apiKey ?? null, null, 'no key should be in the page origin IndexedDB');
  assert.ok(report.replies.length >= 10, `every message shape should have been tried (${report.replies.length})`);
  for (const r of report.replies) {
    const answered = r.ok && r.reply !== null && r.reply !== '(no answer within 4 s)';
    assert.ok(!answered, `the background answered a content script: ${JSON.stringify(r).slice(0, 300)}`);
  }
  assert.equal(report.port.disconnected, true, `the ask port should be disconnected at once: ${JSON.stringify(report.port)}`);
  assert.deepEqual(report.port.messages, [], "nothing should come back over a content script's ask port");
  if (opts.filesClosed) {
    assert.ok(!/^status 2/.test(report.extensionFetch), `a content script fetched an extension page: ${report.extensionFetch}`);
  }
}
