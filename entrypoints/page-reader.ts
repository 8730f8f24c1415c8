import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPageReusing } from '@/utils/extract/reuse';
import { leaveReader } from '@/utils/extract/reader-slot';
import { tellPageChanged } from '@/utils/extract/tell-page-changed';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi. An unlisted script rather than
// a content-script entrypoint: it needs no extension API beyond its own
// version and one message, so it ships no polyfill. The promise goes back to executeScript, which
// waits for it. A page whose main text is unchanged is not read twice (utils/extract/reuse.ts;
// the selection always is), and the reader stays in the page's isolated world
// for the next question (utils/extract/reader-slot.ts). Its one message: "the main text changed" after an
// unchanged page's answer, so the worker stops reusing it (utils/extract/change-watch.ts).
export default defineUnlistedScript(() =>
  leaveReader((slot, known) => readPageReusing(document, window, { quietMs: 300, maxMs: 3000 }, undefined, slot, known, tellPageChanged)),
);
