import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { CutAnswer, CutRequest } from './cut-job';
import { deriveTile } from './overzoom';
import { buildTileArchive } from './tile-archive';
import { TileIndex } from './tile-index';
import { TileMemory } from './tile-memory';
import type { TilesetName } from './tile-sources';

/**
 * The tile thread (see tile-thread.ts): it holds the tile indexes built up front and the cut tiles
 * kept to cut their neighbours faster, within `cutBudgetBytes`, and cuts, repairs, encodes and
 * gzips every tile the HTTP thread does not have yet, so that none of that work (nor the garbage
 * collection of what it allocates) ever holds the HTTP event loop. It also writes each index's
 * archive, and cuts the tiles deeper than an archive holds from their ancestors.
 */
const port = parentPort;
if (!port) throw new Error('cut-worker-main runs in a worker thread');

const { cutBudgetBytes } = workerData as { cutBudgetBytes: number };
const memory = new TileMemory(cutBudgetBytes);
const indexes = new Map<TilesetName, { key: string; index: TileIndex }>();

type Reply = { answer: CutAnswer; transfer: ArrayBuffer[] };

const held = (key: string) => [...indexes.entries()].find(([, entry]) => entry.key === key);
const gone = (id: number, key: string): Reply => ({ answer: { id, failure: `no index ${key}`, gone: true }, transfer: [] });

/** A Buffer's bytes as an ArrayBuffer of their own, to transfer. */
function own(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Lets the messages waiting (tiles asked meanwhile) through. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function answer(request: CutRequest): Promise<Reply> {
  switch (request.type) {
    case 'build': {
      // The previous index of the tileset is dropped first: two never live at once.
      indexes.delete(request.tileset);
      const index = TileIndex.fromRows(request.tileset, request.rows, memory);
      indexes.set(request.tileset, { key: request.key, index });
      return { answer: { id: request.id, built: { indexBytes: index.indexBytes } }, transfer: [] };
    }
    case 'render': {
      const entry = held(request.key);
      if (!entry) return gone(request.id, request.key);
      const tile = entry[1].index.render(request.coord);
      if (!tile) return { answer: { id: request.id, tile: null }, transfer: [] };
      const bytes = own(tile.gzipped);
      return { answer: { id: request.id, tile: bytes }, transfer: [bytes] };
    }
    case 'archive': {
      const entry = held(request.key);
      if (!entry) return gone(request.id, request.key);
      const [tileset, { index }] = entry;
      const archive = own(await buildTileArchive(index, tileset, { dataVersion: request.dataVersion, maxZoom: request.maxZoom, pause }));
      return { answer: { id: request.id, archive }, transfer: [archive] };
    }
    case 'drop': {
      const entry = held(request.key);
      if (entry) {
        indexes.delete(entry[0]);
        // Its cut tiles kept in the memory are of no more use either.
        memory.forget(`${entry[0]}#`, '\0');
      }
      return { answer: { id: request.id, dropped: entry !== undefined }, transfer: [] };
    }
    case 'derive': {
      const tile = deriveTile(new Uint8Array(request.parent), request.parentCoord, request.coord);
      if (!tile) return { answer: { id: request.id, tile: null }, transfer: [] };
      const bytes = own(tile.gzipped);
      return { answer: { id: request.id, tile: bytes }, transfer: [bytes] };
    }
    case 'memory':
      return { answer: { id: request.id, memory: { heapBytes: getHeapStatistics().used_heap_size, cut: memory.report.cut, indexes: indexes.size } }, transfer: [] };
  }
}

port.on('message', (request: CutRequest) => {
  answer(request).then(
    (reply) => port.postMessage(reply.answer, reply.transfer),
    // A cutter bug: named for the log, never shown to the client.
    (error: unknown) => port.postMessage({ id: request.id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
