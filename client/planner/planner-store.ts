import { create } from 'zustand';
import type { KeepAssociations, Plan } from '../../domain/planner/types';
import type { PlanJob, PlannerTables } from './plan-input';
import { viewOf, type ShownPlan } from './plan-view';
import { runPlan } from './plan-runner';

/** A finished run: what was asked (its key: area and URL parameters) and what came back. */
export interface PlanRunResult {
  key: string;
  /** Region or province, or null for hand-picked Comuni. */
  area: string | null;
  minPopulation: number;
  keepAssociations: KeepAssociations;
  plan: Plan;
  elapsedMs: number;
  shown: ShownPlan;
}

export type PlannerStatus = { state: 'idle' } | { state: 'running'; key: string; progress: number } | { state: 'error'; key: string; message: string } | { state: 'cancelled'; key: string };

interface PlannerStore {
  status: PlannerStatus;
  current: PlanRunResult | null;
  /** A run kept aside to compare the next ones with. */
  pinned: PlanRunResult | null;
}

export const usePlannerStore = create<PlannerStore>()(() => ({ status: { state: 'idle' }, current: null, pinned: null }));

let cancelRunning: (() => void) | null = null;

/** Runs a plan in a Worker (one at a time: a new run cancels the one before). */
export async function startPlan(key: string, area: string | null, job: PlanJob, tables: PlannerTables): Promise<void> {
  cancelRunning?.();
  const run = runPlan(job, (progress) => usePlannerStore.setState({ status: { state: 'running', key, progress } }));
  cancelRunning = run.cancel;
  usePlannerStore.setState({ status: { state: 'running', key, progress: 0 } });
  const started = performance.now();
  try {
    const result = await run.result;
    // The run, from the click to the Worker's answer (the benchmark reads the main thread's long tasks in it).
    performance.measure('ali:plan', { start: started });
    if (cancelRunning !== run.cancel) return; // replaced by a newer run
    cancelRunning = null;
    if (!result) {
      usePlannerStore.setState({ status: { state: 'cancelled', key } });
      return;
    }
    usePlannerStore.setState({ status: { state: 'idle' }, current: { key, area, minPopulation: job.options.minPopulation, keepAssociations: job.options.keepAssociations, ...result, shown: viewOf(result.plan, tables) } });
  } catch (error) {
    if (cancelRunning === run.cancel) cancelRunning = null;
    usePlannerStore.setState({ status: { state: 'error', key, message: (error as Error).message } });
  }
}

/** Stops the running plan (the page keeps the last finished one). */
export function cancelPlan(): void {
  cancelRunning?.();
}

export const pinCurrent = () => usePlannerStore.setState((s) => ({ pinned: s.current }));
export const unpin = () => usePlannerStore.setState({ pinned: null });
