import type { AllianceEvaluation, TerritoryData } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft, AllianceSummary } from '../../domain/alliance-summary';
import { HttpError } from '../http/errors';
import { WorkerThread, type Asked } from '../threads/worker-thread';
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

/**
 * The thread that evaluates founders' drafts (evaluation-worker-main.ts): it is given the tables
 * of each data version once and answers `evaluateAlliance` for every save (`summarizeAlliance` for
 * a member's decision), so that the checks,
 * totals, contiguity and rules of a draft never hold the HTTP event loop (and the tiles it serves).
 * One thread: on two cores a second would compete with the HTTP thread and the database's. If it
 * dies (out of memory, a bug) or overruns `timeoutMs`, what it was asked fails with a 503 and the
 * next draft starts a new one, given the tables again (`life` tells threads apart).
 */
export class EvaluationThread {
  private readonly thread: WorkerThread<EvaluationRequest, EvaluationAnswer>;
  /** The tables the running thread was sent: their data version, and which thread. */
  private sent: { life: number; version: number; loaded: Promise<unknown> } | null = null;
  private closed = false;

  constructor(private readonly options: EvaluationThreadOptions = DEFAULT_EVALUATION_THREAD) {
    this.thread = new WorkerThread<EvaluationRequest, EvaluationAnswer>({
      script: options.script ?? new URL('./evaluation-worker.mjs', import.meta.url),
      name: 'Evaluation thread',
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
      crashed: CRASHED,
    });
  }

  /** `evaluateAlliance(tables, draft, context)`, in the thread; 503 (Retry-After) when `queue` drafts already wait. */
  async evaluate(tables: VersionedTables, draft: AllianceDraft, context: AllianceCheckContext): Promise<AllianceEvaluation> {
    const answer = await this.run(tables, { type: 'evaluate', version: tables.version, draft, context });
    if ('evaluation' in answer) return answer.evaluation;
    throw new Error(`draft not evaluated: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /**
   * `summarizeAlliance(tables, draft, context)`, in the thread (a member's decision: summarized,
   * never refused); queued and bounded as `evaluate`.
   */
  async summarize(tables: VersionedTables, draft: AllianceDraft, context: AllianceCheckContext): Promise<AllianceSummary> {
    const answer = await this.run(tables, { type: 'summarize', version: tables.version, draft, context });
    if ('summary' in answer) return answer.summary;
    throw new Error(`draft not summarized: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /**
   * Starts the thread and gives it `tables` before any draft comes (at the server's start, once
   * the data is ready: the first save then pays neither the thread's start, its modules' loading,
   * nor the tables' copy). Resolves once the thread holds them; it never rejects (a thread that
   * failed is started again by the next draft), and does nothing once closed.
   */
  async warm(tables: VersionedTables): Promise<void> {
    if (this.closed) return;
    await this.sendTables(tables);
  }

  /** A draft's evaluation or summary, once the thread holds `tables`. */
  private async run(tables: VersionedTables, request: Asked<Extract<EvaluationRequest, { draft: AllianceDraft }>>): Promise<EvaluationAnswer> {
    if (this.thread.counted >= this.options.queue) throw new HttpError(503, 'busy', BUSY);
    void this.sendTables(tables);
    // Overrun: this draft fails as such, the thread is ended (the others then fail as interrupted).
    return this.thread.ask(request, { counted: true, timeout: { ms: this.options.timeoutMs, error: new HttpError(503, 'timeout', OVERRUN) } });
  }

  /** Sends `tables` unless the running thread has them already; resolves once it holds them (or has ended). */
  private sendTables(tables: VersionedTables): Promise<unknown> {
    this.thread.start();
    const life = this.thread.life;
    if (this.sent?.life === life && this.sent.version === tables.version) return this.sent.loaded;
    // Messages are handled in order: the drafts posted after these tables are evaluated against them.
    const loaded = this.thread.ask({ type: 'tables', version: tables.version, tables: plainTables(tables.value) }).catch(() => undefined);
    this.sent = { life, version: tables.version, loaded };
    return loaded;
  }

  /** The thread's heap, or nothing when no thread runs (none is started for it). */
  async memory(): Promise<{ heapBytes: number } | undefined> {
    if (!this.thread.running) return undefined;
    const answer = await this.thread.ask({ type: 'memory' });
    return 'memory' in answer ? answer.memory : undefined;
  }

  /** Ends the thread; what it was asked fails with 503, and nothing starts it again. */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread.close();
  }
}

/** The tables as plain data: the graph as each Comune's neighbours (a function does not cross to a thread). */
function plainTables(data: VersionedTables['value']): EvaluationTables {
  const neighbours = new Map<string, readonly string[]>();
  for (const code of data.facts.keys()) {
    const list = data.graph.neighbours(code);
    if (list.length > 0) neighbours.set(code, list);
  }
  return { facts: data.facts, neighbours, memberships: data.memberships, provinceNames: data.provinceNames, regionNames: data.regionNames };
}
