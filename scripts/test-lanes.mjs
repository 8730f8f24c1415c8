// The order in which `npm test` starts the end-to-end files (scripts/e2e-pool.mjs), and how many run at once. Longest
// first, so the long ones never start last and leave the other slots idle at the end. Seconds as measured on the
// 2-core dev machine in a quiet full `npm test` (2026-12-07, 442 s in all; the pool prints them at
// the end; only their order matters); a file not listed counts as 30 s.
const SECONDS = {
  'faults-slow': 217,
  faults: 140,
  hostile: 113,
  video: 100,
  'multi-tab': 76,
  load: 71,
  'menus-commands': 56,
  'bad-input': 54,
  'multi-tab-sizes': 53,
  'hostile-render': 51,
  storage: 50,
  'answer-in-parts': 46,
  documents: 42,
  'image-action': 42,
  citations: 39,
  'pending-once': 38,
  security: 38,
  'model-cost': 37,
  'selection-button': 37,
  extraction: 36,
  'turn-actions': 36,
  wrapper: 35,
  actions: 35,
  firefox: 35,
  'citations-panel': 33,
  'kimi-client': 30,
  'documents-seen': 23,
  'documents-firefox': 23,
  chrome: 21,
  'image-action-model': 20,
  'documents-local': 19,
  'documents-mixed': 19,
  'selection-shown': 19,
  a11y: 18,
  'press-to-ask': 8,
};

/**
 * Files that run side by side. Four fit two cores: the suites mostly wait on the simulator's pacing and on the
 * browsers starting, and faults-slow.e2e.ts almost only waits (minutes of a silent or slow stream).
 */
export const E2E_SLOTS = 4;

/** `files` (paths ending in .e2e.ts), longest first. */
export function e2eOrder(files) {
  const weight = (f) => SECONDS[f.replace(/^.*\/|\.e2e\.ts$/g, '')] ?? 30;
  return [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
}
