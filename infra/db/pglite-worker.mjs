// The embedded database in a worker thread: PGlite (WebAssembly) runs its queries here, so that
// a long save or search never stalls the HTTP event loop. Plain JavaScript: worker threads load it
// as it is, under `npm start`, the CLI and the tests alike. The main thread talks to it through
// `pglite-remote.ts` (messages: open, query, listen, unlisten, memory, dump, close).
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { slimPostgis } from './postgis-bundle.mjs';

/** @type {PGlite} */
let db;
/** @type {Map<string, () => Promise<void>>} */
const listeners = new Map();

/** An error as plain data (message, SQLSTATE code and the other fields PostgreSQL gives). */
function plainError(error) {
  const out = { message: error instanceof Error ? error.message : String(error), name: error?.name ?? 'Error' };
  for (const key of Object.keys(error ?? {})) {
    const value = error[key];
    if (value === undefined || typeof value === 'function') continue;
    try {
      structuredClone(value);
      out[key] = value;
    } catch {
      // not cloneable (a connection, a stream): left out
    }
  }
  return out;
}

async function handle(message) {
  switch (message.type) {
    case 'open': {
      const loadDataDir = message.loadDataDir ? new Blob([message.loadDataDir]) : undefined;
      db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { postgis: slimPostgis }, ...(loadDataDir ? { loadDataDir } : {}) });
      return null;
    }
    case 'query': {
      const result = await db.query(message.sql, message.params ?? [], message.options ?? {});
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'listen': {
      const unlisten = await db.listen(message.channel, (payload) => parentPort.postMessage({ type: 'notify', listenId: message.listenId, payload }));
      listeners.set(String(message.listenId), unlisten);
      return null;
    }
    case 'unlisten': {
      const unlisten = listeners.get(String(message.listenId));
      listeners.delete(String(message.listenId));
      if (unlisten && !db.closed) await unlisten();
      return null;
    }
    case 'memory': {
      // PGlite's WebAssembly memory only grows; this thread's own JavaScript heap besides it.
      const wasm = db?.mod?.HEAPU8?.buffer?.byteLength ?? 0;
      return { wasmBytes: wasm, workerHeapBytes: getHeapStatistics().used_heap_size };
    }
    case 'dump': {
      const blob = await db.dumpDataDir('gzip');
      return await blob.arrayBuffer();
    }
    case 'close': {
      if (db && !db.closed) await db.close();
      return null;
    }
    default:
      throw new Error(`unknown message ${message.type}`);
  }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }, result instanceof ArrayBuffer ? [result] : []),
    (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
  );
});
