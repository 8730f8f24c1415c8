// The order in which `npm test` hands out the end-to-end files (scripts/e2e-pool.mjs), and how many lanes run
// them. Longest first, so the long ones never start last and leave the other lanes idle at the end. Seconds as
// measured on the 2-core dev machine by the pool alone (2026-12-08, 283 s in all, lanes keeping browsers; the pool
// prints them at the end; only their order matters); a file not listed counts as 30 s.
const SECONDS = {
  'faults-slow': 200,
  faults: 106,
  hostile: 86,
  video: 62,
  load: 61,
  'multi-tab': 58,
  storage: 33,
  'multi-tab-sizes': 30,
  'model-cost': 30,
  'answer-in-parts': 30,
  extraction: 29,
  firefox: 26,
  citations: 25,
  actions: 24,
  documents: 24,
  'menus-commands': 22,
  security: 21,
  'selection-button': 20,
  'kimi-client': 19,
  'bad-input': 18,
  'image-action': 18,
  'documents-firefox': 17,
  'citations-panel': 16,
  'hostile-render': 15,
  wrapper: 15,
  chrome: 14,
  'documents-seen': 14,
  'pending-once': 14,
  'turn-actions': 13,
  'documents-local': 13,
  'documents-mixed': 10,
  a11y: 8,
  'image-action-model': 8,
  'press-to-ask': 4,
  'selection-shown': 4,
};

/**
 * Lanes that run side by side, each running one file at a time. Four fit two cores: the suites often wait on the
 * simulator's pacing, and faults-slow.e2e.ts almost only waits (minutes of a silent or slow stream).
 */
export const E2E_SLOTS = 4;

/** `files` (paths ending in .e2e.ts), longest first. */
export function e2eOrder(files) {
  const weight = (f) => SECONDS[f.replace(/^.*\/|\.e2e\.ts$/g, '')] ?? 30;
  return [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
}
