import type { PlanOptions } from './types';

/**
 * The search's clock and its caller's patience: stops at the time limit or when onProgress returns false,
 * and reports progress at most once per whole per cent.
 */
export class Budget {
  stopped = false;
  private readonly now: () => number;
  private readonly deadline: number;
  private reported = -1;

  constructor(private readonly options: Pick<PlanOptions, 'timeLimitMs' | 'onProgress' | 'now'>) {
    this.now = options.now ?? Date.now;
    this.deadline = options.timeLimitMs === undefined ? Infinity : this.now() + options.timeLimitMs;
  }

  /** True while the search may go on; `done` is the share of the work done, in [0, 1]. */
  proceed(done: number): boolean {
    if (this.stopped) return false;
    if (this.now() >= this.deadline) {
      this.stopped = true;
      return false;
    }
    const percent = Math.floor(done * 100);
    if (percent > this.reported) {
      this.reported = percent;
      if (this.options.onProgress?.(Math.min(1, done)) === false) this.stopped = true;
    }
    return !this.stopped;
  }

  /** Reports the end of the work (unless the search was stopped). */
  finish(): void {
    if (!this.stopped) this.options.onProgress?.(1);
  }
}
