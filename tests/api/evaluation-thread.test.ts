import { describe, expect, it } from 'vitest';
import { evaluateAlliance } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import { EMPTY_GOVERNANCE } from '../../domain/governance';
import { EvaluationThread } from '../../server/evaluation/evaluation-thread';
import { allianceCheckContext } from '../../server/services/alliance-context';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const AGLIE = '001001';
const LIPARI = '083041';

/** `size` Comuni grown from Agliè through shared borders. */
async function connected(size: number): Promise<string[]> {
  const { value: tables } = await env.server.ctx.tables.get();
  const set = [AGLIE];
  for (let i = 0; set.length < size && i < set.length; i++) {
    for (const n of tables.graph.neighbours(set[i]!)) if (set.length < size && !set.includes(n)) set.push(n);
  }
  return set;
}

function draft(codes: string[], change: Partial<AllianceDraft> = {}): AllianceDraft {
  return {
    name: 'ALI',
    description: '',
    status: 'draft',
    members: codes.map((code, i) => ({ code, status: 'proposed', lead: i === 0 })),
    partners: [],
    services: [{ code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 100_000, equalShare: 1 }],
    runningCostCents: 0,
    legalForm: null,
    governance: EMPTY_GOVERNANCE,
    ...change,
  };
}

describe('drafts evaluated in the evaluation thread, on the real tables', () => {
  it('answers as the evaluation in this thread: contiguous, in parts, refused, published with problems, 300 members', async () => {
    const tables = await env.server.ctx.tables.get();
    const context: AllianceCheckContext = await allianceCheckContext(env.database.db.knex);
    const drafts = [
      draft(await connected(10)),
      draft([...(await connected(30)), LIPARI]),
      draft([AGLIE, '999999']),
      draft([AGLIE, LIPARI], { status: 'published', legalForm: 'unione' }),
      draft(await connected(300), { legalForm: 'convenzione' }),
    ];
    const thread = new EvaluationThread({ queue: 16, heapMb: 96, timeoutMs: 60_000 });
    try {
      for (const d of drafts) expect(await thread.evaluate(tables, d, context)).toEqual(evaluateAlliance(tables.value, d, context));
      // What the thread holds: one data version's tables (reported by `npm start` among its memory).
      const heap = (await thread.memory())!.heapBytes;
      expect(heap).toBeGreaterThan(0);
      expect(heap).toBeLessThan(96e6);
    } finally {
      await thread.close();
    }
  });
});

describe('saves through the evaluation thread', () => {
  it('evaluates a save in the thread: it runs after the save', async () => {
    const members = await connected(5);
    const created = await readAnswer(await env.server.post('/api/alliances', { name: 'ALI nel thread', members: members.map((code) => ({ code })) }));
    expect(created.status).toBe(201);
    expect(await env.server.ctx.evaluationThread.memory()).toEqual({ heapBytes: expect.any(Number) });
  });

  it('answers 503 with Retry-After and a message when the thread has drafts enough waiting, and stores nothing', async () => {
    const ctx = env.server.ctx;
    const own = ctx.evaluationThread;
    const full = new EvaluationThread({ queue: 0, heapMb: 64, timeoutMs: 60_000 });
    ctx.evaluationThread = full;
    try {
      const before = ((await readAnswer(await env.server.get('/api/alliances?limit=200'))).json.alliances as unknown[]).length;
      const refused = await readAnswer(await env.server.post('/api/alliances', { name: 'ALI rifiutata', members: (await connected(3)).map((code) => ({ code })) }));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.json).toEqual({ error: { code: 'busy', message: 'Troppe alleanze da verificare: riprova tra poco / Too many alliances being checked: try again shortly', requestId: expect.any(String) } });
      const after = ((await readAnswer(await env.server.get('/api/alliances?limit=200'))).json.alliances as unknown[]).length;
      expect(after).toBe(before);
    } finally {
      ctx.evaluationThread = own;
      await full.close();
    }
  });
});
