import type { AskRequest } from '../messaging/types';
import type { PageContent } from '../sources/types';
import { warmBodyText } from './body-blob';
import { pageMessage } from './prompt';
import { estimateTokens } from './tokens';

/**
 * Makes ahead what a question about `page` will need from it, so the request after the click finds it made:
 * the page's message (passages marked), its token estimate and its JSON bytes, each remembered by its text
 * (prompt.ts, tokens.ts, body-blob.ts). For the citations a question about a page asks for (`{ first: 1 }`,
 * components/panel/use-ask.ts); a question that asks otherwise builds its own at the click, as before.
 */
export function preparePage(page: PageContent, citations: AskRequest['citations'] = { first: 1 }): void {
  const message = pageMessage(page, citations);
  estimateTokens(message);
  warmBodyText(message);
}
