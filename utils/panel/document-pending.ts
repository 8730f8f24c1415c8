import { blocker, type AttachItem } from './document-attach';

/** The parts of the panel's page state that decide whether a question must wait (PageState, structurally). */
export type PendingPage = { state: string; doc?: { step: string } };

/**
 * What to do with a question the user sent while the document or the attached
 * files were not ready: keep waiting, send it now, or give it back (something
 * failed, and the user should see that before anything is sent).
 */
export type PendingVerdict = 'wait' | 'send' | 'give-back';

/** The PDF tab waits for the user: a password or consent to text recognition. */
export const documentWaits = (page: PendingPage): boolean => page.state === 'document' && (page.doc?.step === 'password' || page.doc?.step === 'consent');

export function pendingVerdict(
  page: PendingPage,
  items: readonly AttachItem[],
  imagesOk: boolean,
  /** Items that had already failed when the question started to wait. */
  failedBefore: ReadonlySet<string> = new Set(),
): PendingVerdict {
  if (page.state === 'failed' || (page.state === 'document' && !documentWaits(page))) return 'give-back';
  if (items.some((i) => i.status === 'failed' && !failedBefore.has(i.id))) return 'give-back';
  if (documentWaits(page) || page.state === 'reading' || blocker(items, imagesOk)) return 'wait';
  return 'send';
}
