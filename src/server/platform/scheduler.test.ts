import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Scheduler } from './scheduler.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs a job on its period, never overlapping itself, logs a failure and goes on, and stops', async () => {
  const errors: unknown[] = [];
  const scheduler = new Scheduler({ error: (obj: unknown) => void errors.push(obj) } as never);
  let runs = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  scheduler.register({
    name: 'slow',
    everyMs: 10,
    firstAfterMs: 0,
    run: async () => {
      runs++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await wait(35);
      concurrent--;
      if (runs === 2) throw new Error('disk full');
    },
  });
  await wait(200);
  await scheduler.stop();
  const after = runs;
  assert.ok(runs >= 3, `${runs} runs`);
  assert.equal(maxConcurrent, 1, 'a run still going is never joined by the next');
  assert.equal(errors.length, 1);
  await wait(50);
  assert.equal(runs, after, 'nothing runs once stopped');
  assert.equal(concurrent, 0, 'stop waited for the run in progress');
});
