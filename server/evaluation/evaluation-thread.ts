import { Worker } from 'node:worker_threads';
import type { AllianceEvaluation, TerritoryData } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import { HttpError } from '../http/errors';
import type { EvaluationAnswer, EvaluationRequest, EvaluationTables } from './evaluation-job';

export interface EvaluationThreadOptions {
  /** Drafts waiting to be evaluated at once; one more is refused (503) until the thread catches up. */
  queue: number;
  /** The thread's heap ceiling, MB: tables or a draft that need more end the thread, not the server. */
  heapMb: number;
  /** A draft not evaluated within this long ends the thread (the next draft starts a new one). */
  timeoutMs: number;
  /** The thread's script (tests pass a stand-in). */
  script?: URL;
}

/**
 * Measured (`memory()` with the tables of the 7,899 Comuni): 18 MB of heap, 27 MB after drafts of
 * 2,000 members (56 ms each; 300 members 10 ms, 10 members 0.5 ms, round trip included; the first
 * draft of a process 0.4 s: the thread starts and is given the tables); 96 MB leaves room for
 * drafts at the members' limit without holding memory for nothing.
 * Drafts are bounded by the members' limit (http/too-many-members) and the body's bytes; at most
 * `queue` wait; each is bounded by `timeoutMs`.
 */
export const DEFAULT_EVALUATION_THREAD: EvaluationThreadOptions = { queue: 64, heapMb: 96, timeoutMs: 10_000 };

const BUSY = 'Troppe alleanze da verificare: riprova tra poco / Too many alliances being checked: try again shortly';
const CRASHED = 'La verifica dell’alleanza si è interrotta: riprova tra poco / The alliance check stopped: try again shortly';
const OVERRUN = 'La verifica dell’alleanza non è finita entro il tempo concesso: riprova tra poco / The alliance check did not finish in time: try again shortly';

/** The territory tables of one data version, as the use cases read them (`ctx.tables.get()`). */
export interface VersionedTables {
  version: number;
  value: TerritoryData;
}

interface Call {
  /** The thread asked: one that ends fails its own calls, not those of the thread that replaced it. */
  worker: Worker;
  resolve(answer: EvaluationAnswer): void;
  reject(error: unknown): void;
  evaluation: boolean;
}

/**
 * The thread that evaluates founders' drafts (evaluation-worker-main.ts): it is given the tables
 * of each data version once and answers `evaluateAlliance` for every save, so that the checks,
 * totals, contiguity and rules of a draft never hold the HTTP event loop (and the tiles it serves).
 * One thread: on two cores a second would compete with the HTTP thread and the database's. If it
 * dies (out of memory, a bug) or overruns `timeoutMs`, what it was asked fails with a 503 and the
 * next draft starts a new one, given the tables again (`life` tells threads apart).
 */
export class EvaluationThread {
  private worker: Worker | null = null;
  private life = 0;
  /** The tables the running thread was sent: their data version, and which thread. */
  private sent: { life: number; version: number } | null = null;
  private readonly pending = new Map<number, Call>();
  private evaluations = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: EvaluationThreadOptions = DEFAULT_EVALUATION_THREAD) {}

  /** `evaluateAlliance(tables, draft, context)`, in the thread; 503 (Retry-After) when `queue` drafts already wait. */
  async evaluate(tables: VersionedTables, draft: AllianceDraft, context: AllianceCheckContext): Promise<AllianceEvaluation> {
    if (this.evaluations >= this.options.queue) throw new HttpError(503, 'busy', BUSY);
    const worker = this.start();
    if (this.sent?.life !== this.life || this.sent.version !== tables.version) {
      this.sent = { life: this.life, version: tables.version };
      // Messages are handled in order: the drafts posted after these tables are evaluated against them.
      this.ask(worker, { type: 'tables', version: tables.version, tables: plainTables(tables.value) }).catch(() => undefined);
    }
    const answer = await this.ask(worker, { type: 'evaluate', version: tables.version, draft, context });
    if ('evaluation' in answer) return answer.evaluation;
    throw new Error(`draft not evaluated: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /** The thread's heap, or nothing when no thread runs (none is started for it). */
  async memory(): Promise<{ heapBytes: number } | undefined> {
    if (!this.worker) return undefined;
    const answer = await this.ask(this.worker, { type: 'memory' });
    return 'memory' in answer ? answer.memory : undefined;
  }

  /** Ends the thread; what it was asked fails with 503, and nothing starts it again. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    if (this.closed) throw new HttpError(503, 'unavailable', CRASHED);
    const worker = new Worker(this.options.script ?? new URL('./evaluation-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    this.life++;
    worker.unref();
    worker.on('message', (answer: EvaluationAnswer) => this.settle(answer.id, (call) => call.resolve(answer)));
    // An 'error' with no listener would end the server: the thread's own end is enough.
    worker.on('error', (error) => console.error(`Evaluation thread: ${error.name}: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      for (const [id, call] of [...this.pending]) if (call.worker === worker) this.settle(id, (c) => c.reject(new HttpError(503, 'unavailable', CRASHED)));
    });
    this.worker = worker;
    return worker;
  }

  private ask(worker: Worker, request: Asked): Promise<EvaluationAnswer> {
    const id = this.nextId++;
    const evaluation = request.type === 'evaluate';
    return new Promise<EvaluationAnswer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const call: Call = {
        worker,
        resolve: (answer) => (clearTimeout(timer), resolve(answer)),
        reject: (error) => (clearTimeout(timer), reject(error)),
        evaluation,
      };
      this.pending.set(id, call);
      if (evaluation) {
        this.evaluations++;
        // Overrun: this draft fails as such, the thread is ended (the others then fail as interrupted).
        timer = setTimeout(() => {
          this.settle(id, (c) => c.reject(new HttpError(503, 'timeout', OVERRUN)));
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        }, this.options.timeoutMs);
      }
      // Kept alive while it has work: a server (or a test) waiting on a draft waits for it.
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private settle(id: number, finish: (call: Call) => void): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (call.evaluation) this.evaluations--;
    if (![...this.pending.values()].some((c) => c.worker === call.worker)) call.worker.unref();
    finish(call);
  }
}

/** A request before it is given its id. */
type Asked<R extends EvaluationRequest = EvaluationRequest> = R extends EvaluationRequest ? Omit<R, 'id'> : never;

/** The tables as plain data: the graph as each Comune's neighbours (a function does not cross to a thread). */
function plainTables(data: VersionedTables['value']): EvaluationTables {
  const neighbours = new Map<string, readonly string[]>();
  for (const code of data.facts.keys()) {
    const list = data.graph.neighbours(code);
    if (list.length > 0) neighbours.set(code, list);
  }
  return { facts: data.facts, neighbours, memberships: data.memberships, provinceNames: data.provinceNames, regionNames: data.regionNames };
}
