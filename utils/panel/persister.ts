/**
 * Saves the conversation as it changes without writing on every delta:
 * structural changes (a new turn, a finished answer) are written at once,
 * streaming text at most every `intervalMs`. `flush()` writes what is
 * pending — called when the panel is closing.
 */
export function createPersister<T>(save: (value: T) => Promise<void>, intervalMs = 400) {
  let pending: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return Promise.resolve();
    const value = pending;
    pending = undefined;
    return save(value).catch(() => undefined);
  };

  return {
    schedule(value: T, urgent: boolean): void {
      pending = value;
      if (urgent) void flush();
      else timer ??= setTimeout(() => void flush(), intervalMs);
    },
    flush,
    /** Forgets what is pending (it was taken back before it was written). */
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
