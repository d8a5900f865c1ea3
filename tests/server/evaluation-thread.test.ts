import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjacencyGraph } from '../../domain/adjacency';
import { evaluateAlliance, type TerritoryData } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import { EMPTY_GOVERNANCE } from '../../domain/governance';
import type { ComuneFacts } from '../../domain/territory';
import { EvaluationThread } from '../../server/evaluation/evaluation-thread';
import { HttpError } from '../../server/http/errors';

// A — B — C in a chain (A in an Unione), D — E apart, both in a Comunità Montana (as in tests/domain/alliance-evaluation).
const [A, B, C, D, E] = ['001001', '001002', '001003', '002001', '002002'] as const;
const comune = (code: string, population: number, provinceCode: string): [string, ComuneFacts] => [
  code,
  { code, name: `Comune ${code}`, provinceCode, regionCode: '01', population, areaKm2: 10 },
];
const data: TerritoryData = {
  facts: new Map([comune(A, 4000, '001'), comune(B, 3000, '001'), comune(C, 8000, '001'), comune(D, 2000, '002'), comune(E, 1500, '002')]),
  graph: new AdjacencyGraph([
    { a: A, b: B, borderM: 100, kind: 'border' },
    { a: B, b: C, borderM: 100, kind: 'border' },
    { a: D, b: E, borderM: 100, kind: 'border' },
    { a: C, b: D, borderM: 0, kind: 'corner' },
  ]),
  memberships: new Map([
    [A, [{ id: 5, kind: 'unione', name: 'Unione del Canavese' }]],
    [D, [{ id: 9, kind: 'comunita_montana', name: 'Comunità montana Valle' }]],
    [E, [{ id: 9, kind: 'comunita_montana', name: 'Comunità montana Valle' }]],
  ]),
  provinceNames: new Map([['001', 'Torino']]),
  regionNames: new Map([['01', 'Piemonte']]),
};
const context: AllianceCheckContext = { catalogue: new Map([['pagopa', { retired: false }]]), previousServices: new Set(), today: '2026-06-01' };

function draft(codes: string[], change: Partial<AllianceDraft> = {}): AllianceDraft {
  return {
    name: 'ALI',
    description: '',
    status: 'draft',
    ruleSet: 'national',
    members: codes.map((code, i) => ({ code, status: 'adhered', lead: i === 0 })),
    partners: [],
    services: [],
    runningCostCents: 0,
    legalForm: null,
    governance: EMPTY_GOVERNANCE,
    ...change,
  };
}

/** Drafts that pass, that keep problems, and that are refused (unknown codes, a service not in the catalogue, publishing with problems). */
const DRAFTS: [string, AllianceDraft, AllianceCheckContext][] = [
  ['a contiguous draft', draft([A, B, C]), context],
  ['a published convenzione that passes', draft([A, B, C], { status: 'published', legalForm: 'convenzione' }), context],
  ['a draft in two parts', draft([A, D]), context],
  ['the same with a contiguity exception', draft([A, D]), { ...context, contiguityException: 'traghetto' }],
  ['unknown codes (refused)', draft([A, '999999']), context],
  ['an unknown service (refused)', draft([A, B], { services: [{ code: 'teletrasporto', provider: { kind: 'alliance' }, annualCostCents: 0, equalShare: 1 }] }), context],
  ['a published unione with problems (refused)', draft([A, D], { status: 'published', legalForm: 'unione' }), context],
  ['mountain Comuni under a consorzio', draft([D, E], { legalForm: 'consorzio', ruleSet: undefined }), context],
];

describe('the evaluation thread', () => {
  it('answers every draft, refusals included, exactly as the evaluation in this thread', async () => {
    const thread = new EvaluationThread({ queue: 16, heapMb: 64, timeoutMs: 30_000 });
    try {
      for (const [what, d, c] of DRAFTS) {
        expect(await thread.evaluate({ version: 1, value: data }, d, c), what).toEqual(evaluateAlliance(data, d, c));
      }
      const refused = await thread.evaluate({ version: 1, value: data }, draft([A, '999999']), context);
      expect(refused.ok).toBe(false);
      // Drafts sent at once, answered in order.
      const all = await Promise.all(DRAFTS.map(([, d, c]) => thread.evaluate({ version: 1, value: data }, d, c)));
      expect(all).toEqual(DRAFTS.map(([, d, c]) => evaluateAlliance(data, d, c)));
    } finally {
      await thread.close();
    }
  });

  it('evaluates against the tables of the data version named, sent again when it changes', async () => {
    const thread = new EvaluationThread({ queue: 16, heapMb: 64, timeoutMs: 30_000 });
    try {
      const before = await thread.evaluate({ version: 1, value: data }, draft([A, B, C]), context);
      // Version 2: C is now a Comune of 20,000 residents.
      const next: TerritoryData = { ...data, facts: new Map([...data.facts, comune(C, 20_000, '001')]) };
      const after = await thread.evaluate({ version: 2, value: next }, draft([A, B, C]), context);
      expect(before.ok && before.summary.totals.population).toBe(15_000);
      expect(after.ok && after.summary.totals.population).toBe(27_000);
      expect(((await thread.memory())?.heapBytes ?? 0) > 0).toBe(true);
    } finally {
      await thread.close();
    }
  });
});

/**
 * A stand-in for the evaluation thread that holds every draft until the test says so (over a
 * BroadcastChannel): `release` answers them all, `crash` ends the thread. It counts the tables it
 * was sent, and answers that count as each evaluation's reasons.
 */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
const held = [];
let tables = 0;
const channel = new BroadcastChannel('held-drafts');
channel.onmessage = ({ data }) => {
  if (data === 'crash') process.exit(1);
  if (data === 'release') for (const id of held.splice(0)) parentPort.postMessage({ id, evaluation: { ok: false, reasons: [tables] } });
};
channel.unref();
parentPort.on('message', (request) => {
  if (request.type === 'tables') tables++, parentPort.postMessage({ id: request.id, loaded: true });
  else if (request.type === 'evaluate') held.push(request.id);
  else parentPort.postMessage({ id: request.id, memory: { heapBytes: tables } });
});
`;

describe('the evaluation thread when it dies, overruns or is full', () => {
  let dir: string;
  let script: URL;
  let channel: BroadcastChannel;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'evaluation-thread-'));
    const file = path.join(dir, 'stand-in.mjs');
    await fs.writeFile(file, STAND_IN);
    script = pathToFileURL(file);
    channel = new BroadcastChannel('held-drafts');
  });
  afterAll(async () => {
    channel.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const tables = { version: 1, value: data };
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
  /** Until the stand-in holds `n` drafts: asked for its memory, it answers how many tables it was sent, after every draft posted before. */
  const posted = async (thread: EvaluationThread) => thread.memory();

  it('answers 503 for the drafts of a thread that died, and starts a new one given the tables again', async () => {
    const thread = new EvaluationThread({ queue: 16, heapMb: 64, timeoutMs: 30_000, script });
    try {
      const held = [failure(thread.evaluate(tables, draft([A]), context)), failure(thread.evaluate(tables, draft([B]), context))];
      await posted(thread);
      channel.postMessage('crash');
      for (const error of await Promise.all(held)) {
        expect(error).toBeInstanceOf(HttpError);
        expect((error as HttpError).status).toBe(503);
        expect((error as HttpError).message).toBe('La verifica dell’alleanza si è interrotta: riprova tra poco / The alliance check stopped: try again shortly');
      }
      const next = thread.evaluate(tables, draft([A]), context);
      // The new thread was sent the tables (once), then the draft.
      expect(await posted(thread)).toEqual({ heapBytes: 1 });
      channel.postMessage('release');
      expect(await next).toEqual({ ok: false, reasons: [1] });
    } finally {
      await thread.close();
    }
  });

  it('refuses with 503 the drafts beyond its queue, and takes them again once it catches up', async () => {
    const thread = new EvaluationThread({ queue: 3, heapMb: 64, timeoutMs: 30_000, script });
    try {
      const held = [1, 2, 3].map(() => thread.evaluate(tables, draft([A]), context));
      const refused = await failure(thread.evaluate(tables, draft([A]), context));
      expect(refused).toBeInstanceOf(HttpError);
      expect((refused as HttpError).status).toBe(503);
      expect((refused as HttpError).code).toBe('busy');
      expect((refused as HttpError).message).toBe('Troppe alleanze da verificare: riprova tra poco / Too many alliances being checked: try again shortly');
      await posted(thread);
      channel.postMessage('release');
      expect(await Promise.all(held)).toEqual([1, 2, 3].map(() => ({ ok: false, reasons: [1] })));
      const again = thread.evaluate(tables, draft([A]), context);
      await posted(thread);
      channel.postMessage('release');
      expect(await again).toEqual({ ok: false, reasons: [1] });
    } finally {
      await thread.close();
    }
  });

  it('ends a thread whose draft overruns its time (503), and starts a new one for the next', async () => {
    const thread = new EvaluationThread({ queue: 16, heapMb: 64, timeoutMs: 1_000, script });
    try {
      const overrun = await failure(thread.evaluate(tables, draft([A]), context));
      expect(overrun).toBeInstanceOf(HttpError);
      expect((overrun as HttpError).status).toBe(503);
      expect((overrun as HttpError).message).toBe('La verifica dell’alleanza non è finita entro il tempo concesso: riprova tra poco / The alliance check did not finish in time: try again shortly');
      const next = thread.evaluate(tables, draft([B]), context);
      expect(await posted(thread)).toEqual({ heapBytes: 1 });
      channel.postMessage('release');
      expect(await next).toEqual({ ok: false, reasons: [1] });
    } finally {
      await thread.close();
    }
  });
});
