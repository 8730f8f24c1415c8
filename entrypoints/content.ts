import { extractPage } from '@/utils/extract';

// Injected on demand with scripting.executeScript (activeTab); never
// registered on pages. It only reads the page and returns what it found:
// it never sees the API key or talks to Kimi.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return extractPage(document, window);
  },
});
