import type { Plan } from '../../domain/planner/types';
import type { PlanJob, PlanWorkerMessage } from './plan-input';

export interface PlanRun {
  /** The plan, or null when cancelled. */
  result: Promise<{ plan: Plan; elapsedMs: number } | null>;
  cancel(): void;
}

/** Runs one plan in its own Worker (terminated when done or cancelled), reporting progress in [0, 1]. */
export function runPlan(job: PlanJob, onProgress: (done: number) => void): PlanRun {
  const worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: { plan: Plan; elapsedMs: number } | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const result = new Promise<{ plan: Plan; elapsedMs: number } | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (event: MessageEvent<PlanWorkerMessage>) => {
    const message = event.data;
    if ('progress' in message) return onProgress(message.progress);
    worker.terminate();
    if ('failure' in message) fail(new Error(message.failure));
    else settle(message);
  };
  worker.onerror = (event) => {
    worker.terminate();
    fail(new Error(event.message || 'worker'));
  };
  worker.postMessage(job);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
