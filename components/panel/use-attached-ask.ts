import { useCallback, useRef, useState } from 'preact/hooks';
import type { AskChoice } from '@/utils/kimi/types';
import type { AskMode } from '@/utils/messaging/types';
import type { ActionAsk } from '@/utils/panel/actions';
import type { PendingPage } from '@/utils/panel/document-pending';
import { useAttachments } from './attach-state';
import { usePendingQuestion } from './attach-pending';
import { useImageAction } from './use-image-action';
import type { AskExtras } from './use-panel-session';

/** The parts of the panel's session (use-panel-session.ts) a question with attachments goes through. */
export interface AskSession {
  page: PendingPage;
  setAskExtras(extras: AskExtras): void;
  askWithModel(model: string | undefined, mode: AskMode, question: string): Promise<boolean>;
  setChoice(choice: AskChoice): void;
}

/**
 * Questions with files and images attached: typed in the box, or an image action's from its menu click. An image
 * action's question goes the way a page or selection action's does (askWithModel, with the action's mode and own
 * model), and until it went that model is the one its image is checked against: a model that can't see images
 * brings the attach bar's choice (switch, for this question only, or read the image's text), never a silent switch.
 */
export function useAttachedAsk(session: AskSession, conv: { id: string; choice?: AskChoice } | undefined) {
  const [held, setHeld] = useState<ActionAsk | undefined>(undefined);
  const heldNow = useRef(held);
  const hold = useCallback((next: ActionAsk | undefined) => {
    heldNow.current = next;
    setHeld(next);
  }, []);
  const choice = conv?.choice;
  // Where the model came from is where "Switch to" changes it: the waiting action's question, or the conversation.
  const onSwitch = (model: string) => (held?.model ? hold({ ...held, model }) : session.setChoice({ ...choice, model }));
  const attach = useAttachments(session.setAskExtras, conv?.id, { action: held?.model, chosen: choice?.model, onSwitch });

  const { askWithModel } = session;
  const { canSend } = attach;
  const send = useCallback(
    async (question: string): Promise<boolean> => {
      const how = heldNow.current;
      if (!canSend()) return false;
      const sent = await askWithModel(how?.model, how?.mode ?? 'ask', question);
      if (sent && how && heldNow.current === how) hold(undefined);
      return sent;
    },
    [canSend, askWithModel, hold],
  );
  const pending = usePendingQuestion(session.page, attach.items, attach.imagesOk, send);
  const image = useImageAction(attach, pending.onSend, hold);
  const { onSend: sendHeld } = pending;
  /** A question typed in the box: the conversation's model, whatever action's question waited before it. */
  const onSend = useCallback(
    (question: string) => {
      hold(undefined);
      return sendHeld(question);
    },
    [hold, sendHeld],
  );
  return { attach, image, waiting: pending.waiting, onSend };
}
