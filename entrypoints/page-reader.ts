import { readPageReusing } from '@/utils/extract/reuse';
import { leaveReader } from '@/utils/extract/reader-slot';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi. An unlisted script rather than
// a content-script entrypoint: it needs no extension API (only its own
// version), so it ships none. The promise goes back to executeScript, which
// waits for it. An unchanged page is not read twice (utils/extract/reuse.ts;
// the selection always is), and the reader stays in the page's isolated world
// for the next question (utils/extract/reader-slot.ts).
export default defineUnlistedScript(() =>
  leaveReader((slot, known) => readPageReusing(document, window, { quietMs: 300, maxMs: 3000 }, undefined, slot, known)),
);
