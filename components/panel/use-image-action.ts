import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { takeOver } from '@/utils/documents/transfer';
import type { PendingImage } from '@/utils/storage/items';
import { t, type MessageKey } from '@/utils/i18n';
import type { ActionAsk } from '@/utils/panel/actions';
import type { Attachments } from './attach-state';

const FAILURE: Record<Extract<PendingImage, { failure: string }>['failure'], MessageKey> = {
  refused: 'imageFailRefused',
  'not-found': 'imageFailNotFound',
  'off-screen': 'imageFailOffScreen',
  'other-frame': 'imageFailOtherFrame',
};

/**
 * An action from an image's context menu: the image the worker cut from the tab is attached like a screenshot,
 * then the action's question is sent as one typed in the box would be, with the action's mode and model (`hold`
 * keeps them for it: use-attached-ask.ts) — at once if that model sees images, else it waits for the user's choice
 * (a model that sees, or text recognition) in the attach bar, as screenshots do.
 * A capture that failed, or only part of the image in view, is said; no question goes without its image.
 */
export function useImageAction(attach: Attachments, send: (question: string) => Promise<boolean>, hold: (asked: ActionAsk) => void) {
  const [note, setNote] = useState<{ key: MessageKey; detail?: string } | undefined>(undefined);
  // Sent once the attached image is in the list the question goes with (state lands on the next render).
  const queued = useRef<{ itemId: string; question: string; handed(): void } | undefined>(undefined);
  useEffect(() => {
    const q = queued.current;
    if (!q || !attach.items.some((i) => i.id === q.itemId)) return;
    queued.current = undefined;
    void send(q.question);
    q.handed();
  }, [attach.items, send]);

  /**
   * Settles once the question is handed on with its image (true), or could not be (false): it may then wait for
   * the user's choice of model in the attach bar, which must not hold up other actions.
   */
  const run = useCallback(
    async (image: PendingImage, asked: ActionAsk): Promise<boolean> => {
      if ('failure' in image) {
        setNote({ key: FAILURE[image.failure], detail: image.detail });
        return false;
      }
      const bytes = await takeOver(image.transferId).catch(() => null);
      // Gone: the panel opened long after the click (the bytes are kept ten minutes).
      if (!bytes) {
        setNote({ key: 'imageFailNotFound' });
        return false;
      }
      setNote(image.partial ? { key: 'imagePartial' } : undefined);
      hold(asked);
      return new Promise<boolean>((handed) => {
        queued.current = { itemId: attach.addImage(bytes, t('imageName')), question: asked.question, handed: () => handed(true) };
      });
    },
    [attach.addImage, hold],
  );
  return { note: note && { text: t(note.key), detail: note.detail }, run };
}
