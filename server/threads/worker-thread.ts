import { Worker, type ResourceLimits } from 'node:worker_threads';
import { HttpError } from '../http/errors';

/** A message before it is given its id (each kind of a union on its own). */
export type Asked<R extends { id: number }> = R extends { id: number } ? Omit<R, 'id'> : never;

export interface WorkerThreadOptions {
  /** The thread's script. */
  script: URL;
  /** How the log names it ("Tile thread"). */
  name: string;
  workerData?: unknown;
  resourceLimits: ResourceLimits;
  /** What a request gets (503, Italian first) when the thread that had it ends. */
  crashed: string;
}

export interface AskOptions {
  /** Counted in `counted` while it waits (the requests a caller bounds with a queue). */
  counted?: boolean;
  /** ArrayBuffers moved to the thread, not copied. */
  transfer?: ArrayBuffer[];
  /** Not answered within `ms`: it fails with `error`, and the thread is ended (what else it had fails with `crashed`). */
  timeout?: { ms: number; error: HttpError };
}

interface Call<A> {
  /** The thread asked: one that ends fails its own calls, not those of the thread that replaced it. */
  worker: Worker;
  resolve(answer: A): void;
  reject(error: unknown): void;
  counted: boolean;
}

/**
 * One worker thread, started when first asked, answering messages that carry an `id` (its answer
 * repeats it). While it has something to answer it keeps the process alive; idle, it does not. If
 * it ends (out of memory, a bug, `stop`), what it was asked fails with a 503 (`crashed`), and the
 * next request starts a new one (`life` tells them apart). The tile thread and the evaluation
 * thread are each one of these.
 */
export class WorkerThread<Request extends { id: number }, Answer extends { id: number }> {
  private worker: Worker | null = null;
  private lives = 0;
  private readonly pending = new Map<number, Call<Answer>>();
  private waiting = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: WorkerThreadOptions,
    /** Called whenever the thread has nothing left to answer. */
    private readonly onIdle: () => void = () => undefined,
  ) {}

  /** How many threads were started: what an earlier one was given died with it. */
  get life(): number {
    return this.lives;
  }

  /** Whether a thread runs now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Whether nothing asked waits for an answer. */
  get idle(): boolean {
    return this.pending.size === 0;
  }

  /** Requests asked with `counted` still waiting. */
  get counted(): number {
    return this.waiting;
  }

  /** The running thread, started if none runs (503 once closed). */
  start(): Worker {
    if (this.worker) return this.worker;
    if (this.closed) throw new HttpError(503, 'unavailable', this.options.crashed);
    const { script, workerData, resourceLimits, name } = this.options;
    const worker = new Worker(script, { workerData, resourceLimits });
    this.lives++;
    worker.unref();
    worker.on('message', (answer: Answer) => this.settle(answer.id, (call) => call.resolve(answer)));
    // An 'error' with no listener would end the server: the thread's own end is enough.
    worker.on('error', (error) => console.error(`${name}: ${error.name}: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      for (const [id, call] of [...this.pending]) if (call.worker === worker) this.settle(id, (c) => c.reject(new HttpError(503, 'unavailable', this.options.crashed)));
    });
    this.worker = worker;
    return worker;
  }

  /** Asks the thread (started if none runs) and waits for its answer. */
  ask(request: Asked<Request>, options: AskOptions = {}): Promise<Answer> {
    const worker = this.start();
    const id = this.nextId++;
    const counted = options.counted ?? false;
    return new Promise<Answer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      this.pending.set(id, {
        worker,
        resolve: (answer) => (clearTimeout(timer), resolve(answer)),
        reject: (error) => (clearTimeout(timer), reject(error)),
        counted,
      });
      if (counted) this.waiting++;
      if (options.timeout) {
        const { ms, error } = options.timeout;
        timer = setTimeout(() => {
          this.settle(id, (call) => call.reject(error));
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        }, ms);
      }
      // Kept alive while it has work: a server (or a test) waiting on an answer waits for it.
      worker.ref();
      worker.postMessage({ ...request, id }, options.transfer ?? []);
    });
  }

  /** Ends the thread and what it holds, without closing: the next request starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  /** Ends the thread; what it was asked fails with 503, and nothing starts it again. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private settle(id: number, finish: (call: Call<Answer>) => void): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (call.counted) this.waiting--;
    if (![...this.pending.values()].some((c) => c.worker === call.worker)) call.worker.unref();
    finish(call);
    if (this.pending.size === 0) this.onIdle();
  }
}
