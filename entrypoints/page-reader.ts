import { readPageReusing } from '@/utils/extract/reuse';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi. An unlisted script rather than
// a content-script entrypoint: it needs no extension API, so it ships none.
// The promise goes back to executeScript, which waits for it. An unchanged page
// is not read twice (utils/extract/reuse.ts); the selection always is.
export default defineUnlistedScript(() => readPageReusing(document, window, { quietMs: 300, maxMs: 3000 }));
