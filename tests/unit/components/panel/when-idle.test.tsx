// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWhenIdle } from '../../../../components/panel/use-when-idle';

afterEach(cleanup);

type Api = ReturnType<typeof useWhenIdle>;

function Harness(props: { busy: boolean; out: { api?: Api } }) {
  props.out.api = useWhenIdle(props.busy);
  return <p data-testid="held">{props.out.api.held}</p>;
}

/** A job that records its start and settles when the test says. */
function job(log: string[], name: string) {
  let settle!: () => void;
  const done = new Promise<void>((r) => (settle = r));
  return {
    run: () => {
      log.push(name);
      return done;
    },
    settle,
  };
}

describe('useWhenIdle (actions that come while an answer streams)', () => {
  it('runs a job at once when no answer streams', async () => {
    const out: { api?: Api } = {};
    const log: string[] = [];
    const view = render(<Harness busy={false} out={out} />);
    out.api!.later(job(log, 'a').run);
    expect(log).toEqual(['a']);
    expect(view.getByTestId('held').textContent).toBe('0');
  });

  it('holds jobs while an answer streams, says how many, and runs them in order, one after another, once it ends', async () => {
    const out: { api?: Api } = {};
    const log: string[] = [];
    const view = render(<Harness busy={true} out={out} />);
    const a = job(log, 'a');
    const b = job(log, 'b');
    out.api!.later(a.run);
    out.api!.later(b.run);
    await vi.waitFor(() => expect(view.getByTestId('held').textContent).toBe('2'));
    expect(log).toEqual([]);
    view.rerender(<Harness busy={false} out={out} />);
    await vi.waitFor(() => expect(log).toEqual(['a']));
    expect(view.getByTestId('held').textContent).toBe('1');
    // "a" has not settled (its answer is not started yet): "b" must not start beside it.
    await Promise.resolve();
    expect(log).toEqual(['a']);
    a.settle();
    await vi.waitFor(() => expect(log).toEqual(['a', 'b']));
    await vi.waitFor(() => expect(view.getByTestId('held').textContent).toBe('0'));
  });

  it("a job that started an answer holds the next until that answer ends too; a failed job doesn't block the rest", async () => {
    const out: { api?: Api } = {};
    const log: string[] = [];
    const view = render(<Harness busy={false} out={out} />);
    const a = job(log, 'a');
    out.api!.later(a.run);
    out.api!.later(() => {
      log.push('b');
      return Promise.reject(new Error('refused'));
    });
    out.api!.later(job(log, 'c').run);
    // "a" started its answer: the panel is busy before "a" settles.
    view.rerender(<Harness busy={true} out={out} />);
    a.settle();
    await vi.waitFor(() => expect(view.getByTestId('held').textContent).toBe('2'));
    expect(log).toEqual(['a']);
    view.rerender(<Harness busy={false} out={out} />);
    await vi.waitFor(() => expect(log).toEqual(['a', 'b', 'c']));
  });
});
