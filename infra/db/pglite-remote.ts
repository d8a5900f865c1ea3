import { Worker } from 'node:worker_threads';

/** The embedded engine's share of the process's memory. */
export interface EngineMemory {
  /** PGlite's WebAssembly memory (shared buffers, sorts, PostGIS): it grows and is never given back. */
  wasmBytes: number;
  /** The JavaScript heap of the thread PGlite runs in. */
  workerHeapBytes: number;
}

/** What knex-pglite asks of a PGlite instance, answered by the worker (see pglite-worker.mjs). */
export interface RemotePglite {
  waitReady: Promise<void>;
  query(sql: string, params?: unknown[], options?: object): Promise<{ rows: unknown[]; fields: unknown[]; affectedRows?: number }>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(): Promise<Blob>;
  memory(): Promise<EngineMemory>;
  close(): Promise<void>;
}

type Reply = { id: number; result?: unknown; error?: { message: string } & Record<string, unknown> };
/** A NOTIFY for one `listen` (by its id): each hears it once, however many listen on its channel. */
type Notification = { type: 'notify'; listenId: number; payload: string };

/**
 * The embedded database in a worker thread: queries are posted to it and answered there, so the
 * HTTP event loop stays free while PGlite works. Queries still run one at a time (one session),
 * as knex-pglite's single connection already orders them.
 */
export function openRemotePglite(dataDir: string, loadDataDir?: Blob): RemotePglite {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  const listeners = new Map<number, { onNotify(payload: string): void }>();
  let next = 1;
  let closed = false;
  let exited: Error | null = null;

  worker.on('message', (message: Reply | Notification) => {
    if ('type' in message) {
      listeners.get(message.listenId)?.onNotify(message.payload);
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.error) call.reject(Object.assign(new Error(message.error.message), message.error));
    else call.resolve(message.result);
  });
  const fail = (error: Error) => {
    exited = error;
    closed = true;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`PGlite worker exited (${code})`)));

  const call = <T>(message: object, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (exited) return Promise.reject(exited);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  const waitReady = (async () => {
    const data = loadDataDir ? await loadDataDir.arrayBuffer() : undefined;
    await call({ type: 'open', loadDataDir: data }, data ? [data] : []);
  })();
  waitReady.catch(() => undefined);

  return {
    waitReady,
    query: async (sql, params = [], options = {}) => {
      await waitReady;
      // Functions (custom parsers) cannot cross to the worker; knex passes none.
      const plain = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
      return call({ type: 'query', sql, params, options: plain });
    },
    listen: async (channel, onNotify) => {
      await waitReady;
      const listenId = next++;
      listeners.set(listenId, { onNotify });
      await call({ type: 'listen', channel, listenId });
      return async () => {
        listeners.delete(listenId);
        if (!closed) await call({ type: 'unlisten', listenId });
      };
    },
    memory: () => call<EngineMemory>({ type: 'memory' }),
    dumpDataDir: async () => new Blob([await call<ArrayBuffer>({ type: 'dump' })], { type: 'application/x-gzip' }),
    close: async () => {
      if (closed) return;
      try {
        await waitReady.catch(() => undefined);
        await call({ type: 'close' });
      } finally {
        closed = true;
        await worker.terminate();
      }
    },
  };
}
