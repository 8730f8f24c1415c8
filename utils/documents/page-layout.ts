import { cleanPageText, dropLineNumbers } from './clean-text';
import { findGutters, orderBlocks } from './columns';
import { toFragments } from './fragments';
import type { PageBox, PlacedText } from './layout-types';
import { blockText } from './lines';

/** The text of one page in reading order: columns, paragraphs, no printer's marks. */
export function layoutPage(items: readonly PlacedText[], box?: PageBox): string {
  const frags = toFragments(dropLineNumbers(items), box);
  const blocks = orderBlocks(frags, findGutters(frags));
  return cleanPageText(blocks.map(blockText).filter(Boolean).join('\n\n'));
}
