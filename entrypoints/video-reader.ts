import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveVideoReader } from '@/utils/video/reader-slot';
import { readVideoPage } from '@/utils/video/read-video';

/**
 * The page's own fetch. Chromium's isolated world already fetches as the page (its origin, its cookies, CORS); a
 * Firefox content script's `fetch` carries the add-on's principal instead, and a cross-site API (api.bilibili.com)
 * refuses it, so there the page's (`content.fetch`, through its Xray) is used.
 */
function pageFetch(): typeof fetch {
  const page = (globalThis as { content?: Window }).content;
  return page && typeof page.fetch === 'function' && page !== (window as Window) ? page.fetch.bind(page) : window.fetch.bind(window);
}

// Injected on demand with scripting.executeScript (activeTab) into the page's isolated world, like the page
// reader: it reads the player data from the page's inline scripts as text and fetches captions as the page does,
// so the page's session and cookies apply and no host permission is needed (docs/video.md). It only leaves the
// reader in the page; the worker then calls it with the track and answer language (video-tab.ts).
export default defineUnlistedScript(() => leaveVideoReader((opts) => readVideoPage(document, window, opts, pageFetch())));
