import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

type Job = () => Promise<unknown>;

/**
 * Runs what a menu item, a shortcut or an image click asked for once no answer streams: an action that comes
 * while one does would be refused (one answer at a time), so it waits, in order, and goes when the answer ends
 * or is stopped. `held` counts what waits, for the panel to say so. A job counts as running until its promise
 * settles (it has started its answer by then, or given up), so two quick actions never start together.
 */
export function useWhenIdle(busy: boolean): { later(job: Job): void; held: number } {
  const queue = useRef<Job[]>([]);
  const [held, setHeld] = useState(0);
  const [inFlight, setInFlight] = useState(false);
  const free = useRef(false);
  free.current = !busy && !inFlight;

  const start = useCallback((job: Job) => {
    free.current = false;
    setInFlight(true);
    void job()
      .catch(() => undefined)
      .finally(() => setInFlight(false));
  }, []);

  useEffect(() => {
    if (busy || inFlight || !queue.current.length) return;
    const next = queue.current.shift()!;
    setHeld(queue.current.length);
    start(next);
  }, [busy, inFlight, start]);

  const later = useCallback(
    (job: Job) => {
      if (free.current && !queue.current.length) return start(job);
      queue.current.push(job);
      setHeld(queue.current.length);
    },
    [start],
  );
  return { later, held };
}
