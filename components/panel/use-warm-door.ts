import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { AskMode } from '@/utils/messaging/types';
import { warmPort } from '@/utils/panel/warm-port';
import { quickPage } from '@/utils/panel/quick-ask';
import type { PageReading } from './use-tab-conversation';
import { readyPage } from './use-page-reading';
import type { Running } from './use-ask';

/**
 * The next question's port, opened as the user gets ready to ask (warm-port.ts): typing, or Send or Summarize
 * pressed, starts the worker checking the tab, so the question goes at once when it is sent.
 */
export function useWarmDoor(tabId: number | undefined, pageRef: PageReading['pageRef'], running: { current: Running | undefined }) {
  const door = useRef(warmPort());
  useEffect(() => () => door.current.dispose(), []);
  /** About the page the panel holds, the check a question in `mode` will need. */
  const verifyFor = useCallback(
    (mode: AskMode) => {
      const held = readyPage(pageRef.current);
      return held && tabId !== undefined ? quickPage(held, tabId, mode)?.verify : undefined;
    },
    [tabId, pageRef],
  );
  const warm = useCallback(() => door.current.warm(verifyFor('ask')), [verifyFor]);
  const press = useCallback(
    (mode: AskMode) => {
      if (!running.current) door.current.press(verifyFor(mode));
    },
    [verifyFor, running],
  );
  return { door, warm, press };
}
