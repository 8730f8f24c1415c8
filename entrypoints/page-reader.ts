import { extractWhenSettled } from '@/utils/extract';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi. An unlisted script rather than
// a content-script entrypoint: it needs no extension API, so it ships none.
// The promise goes back to executeScript, which waits for it.
export default defineUnlistedScript(() => extractWhenSettled(document, window, { quietMs: 300, maxMs: 3000 }));
