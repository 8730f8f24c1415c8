// The order in which `npm test` starts the end-to-end files (scripts/e2e-pool.mjs), and how many run at once. Longest
// first, so the long ones never start last and leave the other slots idle at the end. Seconds as measured on the
// 2-core dev machine in a full `npm test` (the pool prints them at the end); a file not listed counts as 30 s.
const SECONDS = {
  'faults-slow': 195,
  hostile: 130,
  faults: 110,
  'multi-tab': 90,
  'multi-tab-sizes': 40,
  video: 80,
  'model-cost': 60,
  'hostile-render': 55,
  actions: 50,
  load: 50,
  'menus-commands': 45,
  'image-action': 45,
  'image-action-model': 15,
  'pending-once': 45,
  'bad-input': 40,
  security: 30,
  firefox: 30,
  'answer-in-parts': 30,
  storage: 25,
  'documents-local': 20,
  documents: 16,
  'documents-firefox': 16,
  citations: 25,
  'citations-panel': 15,
  'documents-seen': 13,
  extraction: 13,
  chrome: 11,
  'kimi-client': 11,
  'press-to-ask': 9,
  a11y: 7,
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
