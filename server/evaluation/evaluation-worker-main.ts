import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { evaluateAlliance, type TerritoryData } from '../../domain/alliance-evaluation';
import type { EvaluationAnswer, EvaluationRequest } from './evaluation-job';

/**
 * The evaluation thread (see evaluation-thread.ts): it holds the tables of one data version and
 * evaluates founders' drafts against them (checks, totals, contiguity, overlaps, rules), so that
 * none of that work, nor the garbage it leaves, holds the HTTP event loop.
 */
const port = parentPort;
if (!port) throw new Error('evaluation-worker-main runs in a worker thread');

const NONE: readonly string[] = [];
let held: { version: number; data: TerritoryData } | null = null;

function answer(request: EvaluationRequest): EvaluationAnswer {
  switch (request.type) {
    case 'tables': {
      held = null; // the previous version's tables go first: two never live at once
      const { neighbours, ...rest } = request.tables;
      held = { version: request.version, data: { ...rest, graph: { neighbours: (code) => neighbours.get(code) ?? NONE } } };
      return { id: request.id, loaded: true };
    }
    case 'evaluate':
      if (held?.version !== request.version) return { id: request.id, failure: `no tables of data version ${request.version}`, stale: true };
      return { id: request.id, evaluation: evaluateAlliance(held.data, request.draft, request.context) };
    case 'memory':
      return { id: request.id, memory: { heapBytes: getHeapStatistics().used_heap_size } };
  }
}

port.on('message', (request: EvaluationRequest) => {
  let reply: EvaluationAnswer;
  try {
    reply = answer(request);
  } catch (error) {
    // An evaluation bug: named for the log, never shown to the client.
    reply = { id: request.id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
