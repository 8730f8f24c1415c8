// How Kimi is asked to cite (model-read wording, so it stays in code, in English).

export const CITE_PASSAGES = [
  'The page content is divided into passages, each opened by a marker such as [P12].',
  'When your answer (or summary) uses the page, cite the passages it relies on right after each claim, with their markers exactly as written: [P3] or [P3][P7].',
  'Cite only markers that appear in the page content above; never invent one, and do not cite what does not come from the page.',
  'Do not list the sources at the end, and do not explain the markers.',
].join('\n');

export const CITE_KEEP = [
  'The page content above carries passage markers such as [P12] that point into the original page.',
  'Whatever you write from it (notes or an answer), keep the markers of what you use right after each claim, exactly as written: [P3] or [P3][P7]. Never invent one.',
].join('\n');
