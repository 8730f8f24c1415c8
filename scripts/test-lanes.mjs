// The order in which `npm test` starts the end-to-end files (scripts/e2e-pool.mjs), and how many run at once. Longest
// first, so the long ones never start last and leave the other slots idle at the end. Seconds as measured on the
// 2-core dev machine in a full `npm test` with other work beside it (load average about 20; the pool prints them at
// the end; only their order matters); a file not listed counts as 30 s.
const SECONDS = {
  'faults-slow': 221,
  hostile: 197,
  faults: 150,
  storage: 102,
  load: 91,
  'pending-once': 90,
  'multi-tab': 84,
  'multi-tab-sizes': 45,
  video: 80,
  'menus-commands': 77,
  'answer-in-parts': 75,
  'hostile-render': 72,
  'model-cost': 71,
  actions: 61,
  'image-action': 61,
  security: 61,
  wrapper: 58,
  'turn-actions': 57,
  firefox: 54,
  'bad-input': 54,
  citations: 51,
  'selection-button': 48,
  documents: 46,
  'documents-firefox': 44,
  'citations-panel': 34,
  extraction: 32,
  'kimi-client': 29,
  'documents-mixed': 24,
  'documents-seen': 22,
  'documents-local': 20,
  'selection-shown': 20,
  chrome: 20,
  'image-action-model': 18,
  'press-to-ask': 18,
  a11y: 16,
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
