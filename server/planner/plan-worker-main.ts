import { parentPort } from 'node:worker_threads';
import { planAlliances } from '../../domain/planner';
import type { PlanJob, PlanReply } from './plan-job';

/**
 * Runs one plan per message, off the HTTP thread (see plan-pool.ts). The planner keeps to the job's
 * time limit itself; the pool ends this thread if it does not.
 */
const port = parentPort;
if (!port) throw new Error('plan-worker-main runs in a worker thread');

port.on('message', (job: PlanJob) => {
  const started = performance.now();
  let reply: PlanReply;
  try {
    const NONE: readonly string[] = [];
    const plan = planAlliances({
      units: job.units,
      neighbours: (code) => job.neighbours[code] ?? NONE,
      options: job.options,
      associationSizes: job.associationSizes,
    });
    reply = { plan, planMs: performance.now() - started };
  } catch (error) {
    // A planner bug: named for the log, never shown to the client.
    reply = { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});

// Loaded (tsx has compiled the planner): the pool starts the job's clock from here.
port.postMessage({ ready: true });
