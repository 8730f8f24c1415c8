// The order in which `npm test` starts the end-to-end files (scripts/e2e-pool.mjs), and how many run at once. Longest
// first, so the long ones never start last and leave the other slots idle at the end. Seconds as measured on the
// 2-core dev machine in a quiet full `npm test` (2026-12-07, 518 s in all; the pool prints them at
// the end; only their order matters); a file not listed counts as 30 s.
const SECONDS = {
  'faults-slow': 222,
  hostile: 152,
  faults: 150,
  video: 105,
  'multi-tab': 104,
  storage: 90,
  'multi-tab-sizes': 84,
  'answer-in-parts': 80,
  'pending-once': 70,
  'model-cost': 69,
  load: 66,
  'menus-commands': 65,
  'hostile-render': 62,
  'image-action': 54,
  actions: 53,
  wrapper: 52,
  security: 50,
  'turn-actions': 48,
  'bad-input': 47,
  documents: 46,
  firefox: 46,
  'selection-button': 43,
  citations: 39,
  'documents-firefox': 34,
  'citations-panel': 30,
  extraction: 29,
  'kimi-client': 25,
  'documents-mixed': 16,
  chrome: 16,
  'documents-local': 14,
  'documents-seen': 13,
  'selection-shown': 11,
  'image-action-model': 11,
  a11y: 10,
  'press-to-ask': 10,
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
