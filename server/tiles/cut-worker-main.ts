import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { CutAnswer, CutRequest } from './cut-job';
import { TileIndex } from './tile-index';
import { TileMemory } from './tile-memory';
import type { TilesetName } from './tile-sources';

/**
 * The tile thread (see tile-thread.ts): it holds the tile indexes built up front and the cut tiles
 * kept to cut their neighbours faster, within `cutBudgetBytes`, and cuts, repairs, encodes and
 * gzips every tile the HTTP thread does not have yet, so that none of that work (nor the garbage
 * collection of what it allocates) ever holds the HTTP event loop.
 */
const port = parentPort;
if (!port) throw new Error('cut-worker-main runs in a worker thread');

const { cutBudgetBytes } = workerData as { cutBudgetBytes: number };
const memory = new TileMemory(cutBudgetBytes);
const indexes = new Map<TilesetName, { key: string; index: TileIndex }>();

function answer(request: CutRequest): { answer: CutAnswer; transfer: ArrayBuffer[] } {
  switch (request.type) {
    case 'build': {
      // The previous index of the tileset is dropped first: two never live at once.
      indexes.delete(request.tileset);
      const index = TileIndex.fromRows(request.tileset, request.rows, memory);
      indexes.set(request.tileset, { key: request.key, index });
      return { answer: { id: request.id, built: { indexBytes: index.indexBytes } }, transfer: [] };
    }
    case 'render': {
      const held = [...indexes.values()].find((entry) => entry.key === request.key);
      if (!held) return { answer: { id: request.id, failure: `no index ${request.key}`, gone: true }, transfer: [] };
      const tile = held.index.render(request.coord);
      if (!tile) return { answer: { id: request.id, tile: null }, transfer: [] };
      const { buffer, byteOffset, byteLength } = tile.gzipped;
      const bytes = buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
      return { answer: { id: request.id, tile: bytes }, transfer: [bytes] };
    }
    case 'memory':
      return { answer: { id: request.id, memory: { heapBytes: getHeapStatistics().used_heap_size, cut: memory.report.cut } }, transfer: [] };
  }
}

port.on('message', (request: CutRequest) => {
  let reply: { answer: CutAnswer; transfer: ArrayBuffer[] };
  try {
    reply = answer(request);
  } catch (error) {
    // A cutter bug: named for the log, never shown to the client.
    reply = { answer: { id: request.id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, transfer: [] };
  }
  port.postMessage(reply.answer, reply.transfer);
});
