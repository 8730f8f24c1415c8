import { KimiError, failureFromException, isAbort } from './errors';

/**
 * Ties one HTTP call to the caller's AbortSignal and to our own time limits.
 * `signal` goes to fetch; `race` makes any await give up when either fires,
 * even if the fetch implementation ignores signals.
 */
export class RequestGuard {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut: 'first-byte' | 'idle' | null = null;
  private readonly aborted: Promise<never>;
  private readonly unlink: () => void;

  constructor(
    private readonly user: AbortSignal | undefined,
    private readonly firstByteMs: number,
    private readonly idleMs: number,
  ) {
    const onUserAbort = () => this.controller.abort(user?.reason);
    if (user?.aborted) onUserAbort();
    else user?.addEventListener('abort', onUserAbort, { once: true });
    this.unlink = () => user?.removeEventListener('abort', onUserAbort);
    this.aborted = new Promise<never>((_, reject) => {
      const fire = () => reject(this.controller.signal.reason);
      if (this.controller.signal.aborted) fire();
      else this.controller.signal.addEventListener('abort', fire, { once: true });
    });
    this.aborted.catch(() => {}); // observed through race(); never an unhandled rejection
    this.arm(firstByteMs, 'first-byte');
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the caller (not a time limit) stopped this call. */
  get userAborted(): boolean {
    return !!this.user?.aborted;
  }

  /** A body chunk arrived: from now on only a long silence counts. */
  chunk(): void {
    this.arm(this.idleMs, 'idle');
  }

  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.aborted]);
  }

  /**
   * What to throw for `err`: the caller's own AbortError untouched, a
   * time-out as KimiError, anything else as a KimiError failure.
   * `hadContent`: a stall after text arrived is an interrupted answer, which can be continued.
   * `inBody`: the answer had started, so a connection error means the stream was cut off.
   */
  translate(err: unknown, where: { hadContent?: boolean; inBody?: boolean } = {}): unknown {
    const { hadContent = false, inBody = false } = where;
    if (this.userAborted) return isAbort(err) ? err : (this.user!.reason ?? err);
    if (this.timedOut === 'idle' && hadContent) {
      return new KimiError({ kind: 'incomplete', message: `No data for ${Math.round(this.idleMs / 1000)} s` });
    }
    if (this.timedOut) {
      const ms = this.timedOut === 'idle' ? this.idleMs : this.firstByteMs;
      return new KimiError({ kind: 'timeout', message: `No answer within ${Math.round(ms / 1000)} s` });
    }
    if (err instanceof KimiError) return err;
    const failure = failureFromException(err);
    // A body that breaks off (undici "terminated", Chromium "network error") is an interrupted answer.
    if (inBody && failure.kind === 'network') return new KimiError({ ...failure, kind: 'incomplete' });
    return new KimiError(failure);
  }

  /** Stops timers and closes the connection if it is still open. */
  dispose(): void {
    clearTimeout(this.timer);
    this.unlink();
    if (!this.controller.signal.aborted) this.controller.abort(new DOMException('finished', 'AbortError'));
  }

  private arm(ms: number, which: 'first-byte' | 'idle'): void {
    clearTimeout(this.timer);
    if (!(ms > 0) || !Number.isFinite(ms)) return;
    this.timer = setTimeout(() => {
      this.timedOut = which;
      this.controller.abort(new DOMException(`${which} time-out`, 'TimeoutError'));
    }, ms);
  }
}
