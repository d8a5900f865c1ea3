import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/errors';
import type { PlanJob, PlanReply } from './plan-job';

export interface PlanPoolOptions {
  /** Plans computed at once, each in its own worker thread. */
  workers: number;
  /** Plans waiting for a worker; one more is refused (503). */
  queue: number;
  /** How long past a job's time limit its worker may take before it is ended. */
  graceMs: number;
  /** Heap of each worker thread, MB: a plan that needs more ends its worker, not the server. */
  heapMb: number;
  /** An idle worker thread ends after this long, giving its memory back; the next plan starts a new one. */
  idleMs: number;
  /** The worker's script (tests pass a stand-in). */
  script?: URL;
}

export const DEFAULT_PLAN_POOL: PlanPoolOptions = { workers: 2, queue: 4, graceMs: 2_000, heapMb: 256, idleMs: 60_000 };

/** Time a new worker thread has to load the planner before it counts as crashed. */
const LOAD_MS = 30_000;

const BUSY = 'Troppi piani in calcolo: riprova tra poco / Too many plans being computed: try again shortly';
const OVERRUN = 'Il piano non è finito entro il tempo concesso: riprova con meno comuni / The plan did not finish within its time: try again with fewer Comuni';
const CRASHED = 'Il calcolo del piano si è interrotto: riprova con meno comuni / The plan computation stopped: try again with fewer Comuni';

interface Waiting {
  job: PlanJob;
  resolve(reply: PlanReply): void;
  reject(error: unknown): void;
}

/**
 * Plans run off the HTTP thread: at most `workers` at once in worker threads kept between requests,
 * at most `queue` more waiting, each ended when it overruns its time limit by `graceMs` (its
 * worker is then replaced). The event loop stays free for health checks and tiles meanwhile.
 */
export class PlanPool {
  private readonly idle: Worker[] = [];
  /** Workers that said they are ready (their first message). */
  private readonly loaded = new WeakSet<Worker>();
  private readonly idleTimers = new WeakMap<Worker, NodeJS.Timeout>();
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private closed = false;

  constructor(private readonly options: PlanPoolOptions = DEFAULT_PLAN_POOL) {}

  /** Computes a plan; refuses with 503 (Retry-After) when every worker is busy and the queue full. */
  run(job: PlanJob): Promise<PlanReply> {
    if (this.closed) return Promise.reject(new HttpError(503, 'unavailable', BUSY));
    if (this.running >= this.options.workers && this.waiting.length >= this.options.queue) {
      return Promise.reject(new HttpError(503, 'busy', BUSY));
    }
    return new Promise<PlanReply>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.next();
    });
  }

  /** Plans running and waiting now, and the worker threads kept idle. */
  load(): { running: number; waiting: number; idle: number } {
    return { running: this.running, waiting: this.waiting.length, idle: this.idle.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new HttpError(503, 'unavailable', BUSY));
    await Promise.all(this.idle.splice(0).map((w) => (clearTimeout(this.idleTimers.get(w)), w.terminate())));
  }

  private next(): void {
    if (this.running >= this.options.workers) return;
    const item = this.waiting.shift();
    if (!item) return;
    this.running++;
    const worker = this.idle.pop() ?? this.spawn();
    clearTimeout(this.idleTimers.get(worker));
    worker.ref();
    const limit = item.job.options.timeLimitMs ?? 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (keep: boolean) => {
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onError);
      this.running--;
      if (keep && !this.closed) {
        worker.unref();
        this.idle.push(worker);
        this.idleTimers.set(
          worker,
          setTimeout(() => this.retire(worker), this.options.idleMs).unref(),
        );
      } else {
        void worker.terminate();
      }
      this.next();
    };
    // The clock runs from the moment the job is handed over, once the worker has loaded.
    const start = (after: number) => {
      timer = setTimeout(() => {
        if (settled) return;
        finish(false);
        item.reject(new HttpError(503, 'timeout', OVERRUN));
      }, after);
    };
    const onMessage = (reply: PlanReply | { ready: true }) => {
      if (settled) return;
      if ('ready' in reply) {
        this.loaded.add(worker);
        clearTimeout(timer);
        start(limit + this.options.graceMs);
        worker.postMessage(item.job);
        return;
      }
      finish(true);
      item.resolve(reply);
    };
    const onError = () => {
      if (settled) return;
      finish(false);
      item.reject(new HttpError(503, 'unavailable', CRASHED));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onError);
    if (this.loaded.has(worker)) {
      start(limit + this.options.graceMs);
      worker.postMessage(item.job);
    } else {
      start(LOAD_MS);
    }
  }

  private retire(worker: Worker): void {
    const at = this.idle.indexOf(worker);
    if (at < 0) return;
    this.idle.splice(at, 1);
    void worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.script ?? new URL('./plan-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    // An idle worker that dies (out of memory, killed) is dropped rather than handed a job; its
    // error is answered to the job it ran, if any (an 'error' with no listener would end the server).
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    worker.unref();
    return worker;
  }
}
