// How `npm test` splits tests/e2e/*.e2e.ts into lanes that run side by side: longest first, each to the lane with the
// least work so far (seconds measured on the 2-core dev machine; a file not listed counts as 30 s). Three lanes fit two
// cores because the suites mostly wait on the simulator's pacing, and faults-slow.e2e.ts almost only waits.
const SECONDS = {
  'faults-slow': 190,
  hostile: 130,
  faults: 110,
  load: 50,
  video: 80,
  documents: 16,
  'documents-firefox': 16,
  'documents-seen': 13,
  'menus-commands': 40,
  'bad-input': 30,
  firefox: 30,
  security: 27,
  citations: 15,
  'citations-panel': 10,
  'documents-local': 20,
  extraction: 13,
  chrome: 11,
  'kimi-client': 11,
  'press-to-ask': 9,
  a11y: 7,
};
const LANES = 3;

/** `files` (paths ending in .e2e.ts) in LANES lists, each run one file at a time. */
export function e2eLanes(files) {
  const weight = (f) => SECONDS[f.replace(/^.*\/|\.e2e\.ts$/g, '')] ?? 30;
  const lanes = Array.from({ length: LANES }, () => ({ files: [], load: 0 }));
  for (const f of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lane = lanes.reduce((min, l) => (l.load < min.load ? l : min));
    lane.files.push(f);
    lane.load += weight(f);
  }
  return lanes.filter((l) => l.files.length).map((l) => l.files);
}
