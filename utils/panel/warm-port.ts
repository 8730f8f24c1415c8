import type { AskRequest } from '../messaging/types';
import { reservePort, type ReservedPort } from './ask-stream';

type Verify = NonNullable<AskRequest['verify']>;

/**
 * The next question's port, opened when the user is about to ask (typing, or pressing a button) instead
 * of at the click: the worker wakes and reads its settings meanwhile. About the page the panel holds,
 * typing and pressing Send or Summarize also post the page check (utils/background/tab-sources.ts): the worker reads the
 * tab now, and keeps that answer for the question while the page says nothing changed since
 * — so the click sends at once, with the page as it is then.
 */
export function warmPort(open: () => ReservedPort = () => reservePort()) {
  let port: ReservedPort | undefined;
  /** The page this port's check was posted for. */
  let checked: Verify | undefined;
  const drop = () => {
    port?.release();
    port = undefined;
    checked = undefined;
  };
  const check = (verify: Verify | undefined, again: boolean) => {
    if (!port?.usable()) {
      drop();
      port = open();
    }
    const same = checked && verify && checked.tabId === verify.tabId && checked.reading === verify.reading;
    if (verify && (again || !same) && port.post({ type: 'panel→bg:check', verify })) checked = verify;
  };
  return {
    /** Typing: `verify` when the question will be about the page the panel holds (checked once per port). */
    warm: (verify?: Verify) => check(verify, false),
    /** Send or Summarize pressed: checked again (the worker reuses an answer that still holds). */
    press: (verify?: Verify) => check(verify, true),
    /** The port for the question being asked now (opened here if none is warm). */
    take(): ReservedPort {
      const out = port?.usable() ? port : open();
      port = undefined;
      checked = undefined;
      return out;
    },
    dispose: drop,
  };
}
