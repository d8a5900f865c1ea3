/// <reference lib="webworker" />
import { planAlliances } from '../../domain/planner';
import type { PlanJob, PlanWorkerMessage } from './plan-input';

/**
 * The planner off the main thread: the page stays responsive while a plan runs. One job per message;
 * progress is posted at most every 100 ms; cancelling is terminating the Worker.
 */
const post = (message: PlanWorkerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<PlanJob>) => {
  const job = event.data;
  const started = performance.now();
  let posted = 0;
  try {
    const NONE: readonly string[] = [];
    const plan = planAlliances({
      units: job.units,
      neighbours: (code) => job.neighbours[code] ?? NONE,
      associationSizes: job.associationSizes,
      options: {
        ...job.options,
        onProgress: (done) => {
          const now = performance.now();
          if (now - posted >= 100) {
            posted = now;
            post({ progress: done });
          }
        },
      },
    });
    post({ plan, elapsedMs: Math.round(performance.now() - started) });
  } catch (error) {
    post({ failure: (error as Error).message });
  }
};
