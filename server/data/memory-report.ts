import v8 from 'node:v8';
import type { AppContext } from '../context';

/** Where this process's memory goes, in MB. */
export interface MemoryReport {
  /** Resident set: what the operating system counts. */
  rssMb: number;
  /** The HTTP thread's JavaScript heap in use, and reserved. */
  heapUsedMb: number;
  heapTotalMb: number;
  /** Buffers outside this thread's heap (gzipped caches, sockets); PGlite's memory, in its own thread, is under `pglite`. */
  externalMb: number;
  /** Embedded engine: PGlite's WebAssembly memory and its thread's heap. */
  pglite?: { wasmMb: number; heapMb: number };
  /** Gzipped tiles kept by the two tile indexes (bytes: they start small). */
  tileCache: { tiles: number; bytes: number };
  /** The heap's ceiling: `--max-old-space-size` (512 MB under `npm start`), or V8's default without it. */
  heapLimitMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The report, without building anything that is not built yet. */
export async function memoryReport(ctx: AppContext): Promise<MemoryReport> {
  const usage = process.memoryUsage();
  const engine = await ctx.db.memory?.();
  const tileCache = { tiles: 0, bytes: 0 };
  for (const tiles of Object.values(ctx.tiles)) {
    const index = tiles.peek();
    if (!index) continue;
    tileCache.tiles += index.cached.tiles;
    tileCache.bytes += index.cached.bytes;
  }
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    ...(engine ? { pglite: { wasmMb: mb(engine.wasmBytes), heapMb: mb(engine.workerHeapBytes) } } : {}),
    tileCache,
    heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
  };
}

/** One log line, Italian first. */
export function describeMemory(r: MemoryReport): string {
  const pglite = r.pglite ? `, PGlite ${r.pglite.wasmMb} MB WebAssembly + ${r.pglite.heapMb} MB heap` : '';
  return `Memoria / memory: RSS ${r.rssMb} MB — heap JS ${r.heapUsedMb}/${r.heapTotalMb} MB (tetto / limit ${r.heapLimitMb} MB), esterna / external ${r.externalMb} MB${pglite}, tile in cache ${r.tileCache.tiles} (${mb(r.tileCache.bytes)} MB)`;
}
