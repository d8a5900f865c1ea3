import v8 from 'node:v8';
import type { AppContext } from '../context';
import type { TileMemoryUse } from '../tiles/tile-memory';

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
  /**
   * Tile memory (bytes, estimated from what is kept): what requests may add — encoded tiles and
   * tiles cut and kept to cut their neighbours, together within `budgetBytes` (TILE_CACHE_MB) — and
   * the indexes built up front (to zoom 10), which requests do not grow.
   */
  tiles: TileMemoryUse & {
    indexBytes: number;
    /** Bytes of each tileset's archive held in memory (0: served by the index in the tile thread, or not asked yet). */
    archiveBytes: Record<string, number>;
  };
  /** The tile thread's JavaScript heap (the indexes and the cut tiles live there) and the indexes it holds, when it runs. */
  tileThread?: { heapMb: number; indexes: number };
  /** The evaluation thread's JavaScript heap (one data version's tables, the drafts in hand), when it runs. */
  evaluationThread?: { heapMb: number };
  /** The heap's ceiling: `--max-old-space-size` (512 MB under `npm start`), or V8's default without it. */
  heapLimitMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The report, without building anything that is not built yet. */
export async function memoryReport(ctx: AppContext): Promise<MemoryReport> {
  const usage = process.memoryUsage();
  const [engine, cutting, evaluating] = await Promise.all([ctx.db.memory?.(), ctx.tileThread.memory(), ctx.evaluationThread.memory()]);
  let indexBytes = 0;
  const archiveBytes: Record<string, number> = {};
  for (const [name, tiles] of Object.entries(ctx.tiles)) {
    const serving = tiles.peek();
    indexBytes += serving?.indexBytes ?? 0;
    archiveBytes[name] = serving?.archiveBytes ?? 0;
  }
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    ...(engine ? { pglite: { wasmMb: mb(engine.wasmBytes), heapMb: mb(engine.workerHeapBytes) } } : {}),
    // One budget (TILE_CACHE_MB): encoded tiles kept here, cut tiles in the tile thread.
    tiles: {
      budgetBytes: ctx.tileMemory.budgetBytes + ctx.tileThread.cutBudgetBytes,
      encoded: ctx.tileMemory.report.encoded,
      cut: cutting?.cut ?? { tiles: 0, bytes: 0 },
      indexBytes,
      archiveBytes,
    },
    ...(cutting ? { tileThread: { heapMb: mb(cutting.heapBytes), indexes: cutting.indexes } } : {}),
    ...(evaluating ? { evaluationThread: { heapMb: mb(evaluating.heapBytes) } } : {}),
    heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
  };
}

/** One log line, Italian first. */
export function describeMemory(r: MemoryReport): string {
  const pglite = r.pglite ? `, PGlite ${r.pglite.wasmMb} MB WebAssembly + ${r.pglite.heapMb} MB heap` : '';
  const thread = r.tileThread ? ` (thread heap ${r.tileThread.heapMb} MB, ${r.tileThread.indexes} indici / indexes)` : ' (nessun thread / no thread)';
  const archives = Object.entries(r.tiles.archiveBytes).filter(([, bytes]) => bytes > 0);
  const archived = archives.length > 0 ? `, archivi / archives ${archives.map(([name, bytes]) => `${name} ${mb(bytes)}`).join(' + ')} MB` : '';
  const evaluation = r.evaluationThread ? `, verifica alleanze / alliance checks: heap ${r.evaluationThread.heapMb} MB` : '';
  return `Memoria / memory: RSS ${r.rssMb} MB — heap JS ${r.heapUsedMb}/${r.heapTotalMb} MB (tetto / limit ${r.heapLimitMb} MB), esterna / external ${r.externalMb} MB${pglite}, tile ${mb(r.tiles.encoded.bytes + r.tiles.cut.bytes)}/${mb(r.tiles.budgetBytes)} MB (${r.tiles.encoded.tiles} codificate / encoded, ${r.tiles.cut.tiles} tagliate / cut) + indice / index ${mb(r.tiles.indexBytes)} MB${thread}${archived}${evaluation}`;
}
