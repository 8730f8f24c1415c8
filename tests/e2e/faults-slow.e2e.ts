// The two faults that take minutes of the simulator's time, not the machine's: 60 s of silence before the first
// token, and one token per second for two minutes. Mostly idle, so `npm test` runs this file beside the others.
// Run alone: MOONLIT_E2E_SLOW=1 npx tsx --test tests/e2e/faults-slow.e2e.ts (after npm run build:e2e); without it
// (and without CI=true) the two-minute stream is skipped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, growthSteps, samples, startSampling, waitForAnswerStatus } from './lib/answers';
import { faultPanel } from './lib/fault-cases';
import { alertText, answerText, chatCount, flat } from './lib/fault-flow';
import { msg } from './lib/messages';
import { useMoonlit } from './lib/moonlit';

const SLOW = process.env.MOONLIT_E2E_SLOW === '1' || process.env.CI === 'true';

describe('Moonlit faults in Chromium: slow answers', () => {
  const m = useMoonlit('chromium');

  it('60 s of silence before the first token: the worker stays alive and the answer arrives', { timeout: 120_000 }, async () => {
    const { sim } = m();
    const panel = await faultPanel(m(), 'silence');
    const before = chatCount(sim);
    sim.script({ content: 'Thought about it for a minute. Here is the answer.', firstByteDelayMs: 60_000 });
    await ask(panel, 'Think hard about the colony.');
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 100_000);
    assert.equal(end.status, 'done', `after 60 s of silence the answer ended as ${end.status}: ${await alertText(panel)}`);
    assert.equal(flat(await answerText(panel, 0)), 'Thought about it for a minute. Here is the answer.');
    assert.equal(chatCount(sim) - before, 1, 'one question, one request');
  });

  it('a very slow stream (one token per second for two minutes) arrives whole', {
    timeout: 240_000,
    skip: SLOW ? false : 'set MOONLIT_E2E_SLOW=1 (or CI=true) to run (2 minutes)',
  }, async () => {
    const { sim } = m();
    const panel = await faultPanel(m(), 'slow');
    const before = chatCount(sim);
    const words = Array.from({ length: 120 }, (_, i) => `w${String(i).padStart(2, '0')} `).join('');
    sim.script({ content: words.trim(), chunkSize: 4, chunkDelayMs: 1000 });
    await startSampling(panel, 0, msg('panelWaiting'));
    await ask(panel, 'Answer one word per second.');
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 200_000);
    assert.equal(end.status, 'done', `the slow answer ended as ${end.status}: ${await alertText(panel)}`);
    assert.equal(flat(await answerText(panel, 0)), words.trim());
    const steps = growthSteps(await samples(panel));
    assert.ok(steps >= 60, `the slow answer should show as it arrives (it grew ${steps} times)`);
    assert.equal(chatCount(sim) - before, 1, 'one question, one request');
  });
});
