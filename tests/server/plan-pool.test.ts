import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../server/http/errors';
import type { PlanJob, PlanReply } from '../../server/planner/plan-job';
import { PlanPool } from '../../server/planner/plan-pool';

/**
 * A stand-in for the planner's worker: answers after `timeLimitMs` with the seed as its plan's
 * seed; seed 1 never answers (a planner past its time), seed 2 throws in the thread (a crash).
 */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.options.seed === 1) { const end = Date.now() + 60000; while (Date.now() < end); }
  if (job.options.seed === 2) throw new Error('crash');
  setTimeout(() => parentPort.postMessage({ planMs: job.options.timeLimitMs, plan: { seed: job.options.seed } }), job.options.timeLimitMs);
});
await new Promise((resolve) => setTimeout(resolve, 1500)); // loading takes a while: not on the job's clock
parentPort.postMessage({ ready: true });
`;

let dir: string;
let script: URL;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-pool-'));
  const file = path.join(dir, 'stand-in.mjs');
  await fs.writeFile(file, STAND_IN);
  script = pathToFileURL(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const job = (seed: number, timeLimitMs: number): PlanJob => ({
  units: [],
  neighbours: {},
  associationSizes: {},
  options: { minPopulation: 20_000, keepAssociations: 'off', seed, timeLimitMs },
});
const seedOf = (reply: PlanReply) => ('plan' in reply ? reply.plan.seed : null);

describe('the plan pool', () => {
  it('runs at most `workers` plans at once, queues `queue` more and refuses the next with 503', async () => {
    const pool = new PlanPool({ workers: 2, queue: 1, graceMs: 5_000, heapMb: 64, idleMs: 60_000, script });
    try {
      const started = [pool.run(job(10, 300)), pool.run(job(11, 300)), pool.run(job(12, 300))];
      expect(pool.load()).toEqual({ running: 2, waiting: 1, idle: 0 });
      const refused = await pool.run(job(13, 300)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(HttpError);
      expect((refused as HttpError).status).toBe(503);
      expect((refused as HttpError).message).toMatch(/riprova tra poco \/ .*try again shortly/);
      expect((await Promise.all(started)).map(seedOf)).toEqual([10, 11, 12]);
      expect(pool.load()).toEqual({ running: 0, waiting: 0, idle: 2 });
      // Room again once they are done.
      expect(seedOf(await pool.run(job(14, 10)))).toBe(14);
    } finally {
      await pool.close();
    }
  });

  it('ends a worker that overruns its time limit by the grace, answers 503, and goes on with a new one', async () => {
    const pool = new PlanPool({ workers: 1, queue: 2, graceMs: 300, heapMb: 64, idleMs: 60_000, script });
    try {
      await pool.run(job(22, 10)); // a loaded worker: the overrun below is timed from the hand-over
      const start = performance.now();
      const overrun = pool.run(job(1, 100)).catch((e: unknown) => e);
      const next = pool.run(job(20, 10));
      const error = await overrun;
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(503);
      expect((error as HttpError).code).toBe('timeout');
      expect(performance.now() - start).toBeLessThan(10_000);
      expect(seedOf(await next)).toBe(20);
    } finally {
      await pool.close();
    }
  });

  it("starts a job's clock once its new worker has loaded, not before", async () => {
    // A generous grace (a busy machine answers late), still far less than the loading's 1.5 s.
    const pool = new PlanPool({ workers: 1, queue: 1, graceMs: 1_000, heapMb: 64, idleMs: 60_000, script });
    try {
      // Loading takes 1,500 ms, more than the 10 ms limit and the 1,000 ms grace together.
      expect(seedOf(await pool.run(job(23, 10)))).toBe(23);
    } finally {
      await pool.close();
    }
  });

  it('ends a worker thread left idle for idleMs, and starts a new one for the next plan', async () => {
    const pool = new PlanPool({ workers: 1, queue: 1, graceMs: 5_000, heapMb: 64, idleMs: 100, script });
    try {
      expect(seedOf(await pool.run(job(24, 10)))).toBe(24);
      expect(pool.load().idle).toBe(1);
      await expect.poll(() => pool.load().idle, { timeout: 5_000 }).toBe(0);
      expect(seedOf(await pool.run(job(25, 10)))).toBe(25);
    } finally {
      await pool.close();
    }
  });

  it('answers 503 when the worker crashes, and serves the next plan', async () => {
    const pool = new PlanPool({ workers: 1, queue: 2, graceMs: 5_000, heapMb: 64, idleMs: 60_000, script });
    try {
      const crashed = await pool.run(job(2, 10)).catch((e: unknown) => e);
      expect((crashed as HttpError).status).toBe(503);
      expect(seedOf(await pool.run(job(21, 10)))).toBe(21);
    } finally {
      await pool.close();
    }
  });
});
