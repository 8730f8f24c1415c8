import { errorDetail, isQuotaError } from '../storage/write-errors';

export interface SaveFailure {
  /** Storage is full (the browser's quota). */
  quota: boolean;
  /** The browser's words, for any other failure. */
  detail: string;
}

type Listener = () => void;

/**
 * Which of the panel's writes (a conversation, its files' texts, a setting) failed last time, so the panel
 * can say so until the same write succeeds. Each write reports here; nothing is swallowed.
 */
export class SaveStatus {
  private failures = new Map<string, SaveFailure>();
  private listeners = new Set<Listener>();
  private savedListeners = new Set<(what: string, settled: boolean) => void>();

  failed(what: string, error: unknown): void {
    this.failures.set(what, { quota: isQuotaError(error), detail: errorDetail(error) });
    this.listeners.forEach((l) => l());
  }

  /** `settled`: not a write in the middle of a streaming answer (worth measuring the storage after). */
  saved(what: string, settled = true): void {
    this.savedListeners.forEach((l) => l(what, settled));
    if (this.failures.delete(what)) this.listeners.forEach((l) => l());
  }

  /** The failure to show: a full storage first (it explains the others). */
  current(): SaveFailure | undefined {
    const all = [...this.failures.values()];
    return all.find((f) => f.quota) ?? all[0];
  }

  /** Calls `listener` whenever the set of failures changes; returns the unsubscribe. */
  watch(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Calls `listener` after each successful write. */
  onSaved(listener: (what: string, settled: boolean) => void): () => void {
    this.savedListeners.add(listener);
    return () => void this.savedListeners.delete(listener);
  }

  /** Runs `write` and reports how it went under `what`; the error still reaches the caller. */
  async track<T>(what: string, write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      this.saved(what);
      return result;
    } catch (error) {
      this.failed(what, error);
      throw error;
    }
  }
}

/** The panel's one status (one panel per page). */
export const panelSaves = new SaveStatus();

/** A setting changed from the panel (a larger model, the other platform): a failure shows in the panel's storage notice. */
export const saveSettingFromPanel = (write: () => Promise<unknown>): Promise<boolean> =>
  panelSaves.track('settings', write).then(
    () => true,
    () => false,
  );
