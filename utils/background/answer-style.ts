import { answerStyleItem } from '../storage/items';

/**
 * "How Kimi should answer", read once and kept until Options changes it: a question should not wait for a
 * storage round trip. Only a cache: a restarted worker reads it again.
 */
let held: Promise<string> | undefined;

export function heldAnswerStyle(): Promise<string> {
  held ??= answerStyleItem.getValue().catch(() => {
    held = undefined;
    return '';
  });
  return held;
}

/** Registered once at start-up, with the worker's other listeners. */
export function watchAnswerStyle(): void {
  answerStyleItem.watch(() => {
    held = undefined;
  });
}
