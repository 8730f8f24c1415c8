import { extractWhenSettled } from '@/utils/extract';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi. The promise is returned to
// executeScript, which waits for it (pages still rendering get up to 3 s).
export default defineContentScript({
  registration: 'runtime',
  main() {
    return extractWhenSettled(document, window, { quietMs: 300, maxMs: 3000 });
  },
});
