/** What becomes of each write: a failure is always told, never swallowed (storage can be full). */
export interface PersistReport<T> {
  onSaved?(value: T): void;
  onError?(error: unknown, value: T): void;
}

/**
 * Saves the conversation as it changes without writing on every delta:
 * structural changes (a new turn, a finished answer) are written at once,
 * streaming text at most every `intervalMs`. `flush()` writes what is
 * pending — called when the panel is closing. A value that failed to be
 * written is held until a newer one is, so `retry()` (space was freed) can
 * write it again.
 */
export function createPersister<T>(save: (value: T) => Promise<void>, intervalMs = 400, report: PersistReport<T> = {}) {
  let pending: T | undefined;
  let failed: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return Promise.resolve();
    const value = pending;
    pending = undefined;
    return save(value).then(
      () => {
        // Writes finish in the order they started (store.ts), so a failure seen before this is older: this holds it all.
        failed = undefined;
        report.onSaved?.(value);
      },
      (error: unknown) => {
        // Each value holds the whole conversation: the newest failed one is all a retry needs.
        failed = value;
        report.onError?.(error, value);
      },
    );
  };

  return {
    schedule(value: T, urgent: boolean): void {
      pending = value;
      if (urgent) void flush();
      else timer ??= setTimeout(() => void flush(), intervalMs);
    },
    flush,
    /** Writes the last value that failed again, unless a newer one is on its way. */
    retry(): Promise<void> {
      if (failed === undefined || pending !== undefined) return Promise.resolve();
      pending = failed;
      return flush();
    },
    /** Whether the last write failed and nothing newer has been written since. */
    hasFailed: () => failed !== undefined,
    /** Forgets what is pending (it was taken back before it was written). */
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
