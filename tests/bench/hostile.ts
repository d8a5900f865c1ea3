import type { Database } from '../../infra/db/database';
import { percentile } from './measure';

export interface HostileFigures {
  healthP99Alone: number;
  healthP99UnderZigzag: number;
  zigzagAnswerMs: number;
  zigzagStatus: number;
  listFirstPageMs: number;
  listAllPagesMs: number;
  outlinesMs: number;
  outlinesBytes: number;
  alliances: number;
}


/** The self-crossing zigzag of issue #10 (1,000 vertices). */
function zigzag(n: number): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) ring.push([7 + (i % 2 ? 0.5 : 0) + i * 0.0005, 45 + i * 0.001]);
  ring.push(ring[0]!);
  return ring;
}

async function healthTimes(base: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    times.push(performance.now() - s);
  }
  return times;
}

/**
 * Hostile load: health while 4 zigzag lassos are sent at once, and the alliance list and outlines
 * with 5,000 alliances (copies of one saved through the API, written in one statement).
 */
export async function benchHostile(base: string, db: Database): Promise<HostileFigures> {
  const alone = await healthTimes(base, 50);
  const body = JSON.stringify({ polygon: { type: 'Polygon', coordinates: [zigzag(1_000)] } });
  const started = performance.now();
  const attacks = Array.from({ length: 4 }, () =>
    fetch(`${base}/api/comuni/within`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
      await r.arrayBuffer();
      return { status: r.status, ms: performance.now() - started };
    }),
  );
  const under = await healthTimes(base, 50);
  const answers = await Promise.all(attacks);

  const seed = await fetch(`${base}/api/alliances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Copia', members: [{ code: '001001' }, { code: '001004' }] }),
  });
  const { id } = (await seed.json()) as { id: number };
  await db.knex.raw(
    `INSERT INTO alliances (name, description, status, version, edit_token_hash, rule_set, summary, outline, running_cost_cents)
     SELECT name || ' ' || n, description, status, version, edit_token_hash, rule_set, summary, outline, running_cost_cents
     FROM alliances, generate_series(1, 4999) n WHERE id = ?`,
    [id],
  );
  const count = (await db.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM alliances WHERE deleted_at IS NULL`)).rows[0]!.n;
  let s = performance.now();
  await (await fetch(`${base}/api/alliances`)).arrayBuffer();
  const listFirstPageMs = performance.now() - s;
  s = performance.now();
  let cursor: string | null = null;
  do {
    const page = (await (await fetch(`${base}/api/alliances?limit=500${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { nextCursor: string | null };
    cursor = page.nextCursor;
  } while (cursor);
  const listAllPagesMs = performance.now() - s;
  s = performance.now();
  const outlines = await (await fetch(`${base}/api/alliances.geojson`)).arrayBuffer();
  return {
    healthP99Alone: percentile(alone, 99),
    healthP99UnderZigzag: percentile(under, 99),
    zigzagAnswerMs: Math.max(...answers.map((a) => a.ms)),
    zigzagStatus: answers[0]!.status,
    listFirstPageMs,
    listAllPagesMs,
    outlinesMs: performance.now() - s,
    outlinesBytes: outlines.byteLength,
    alliances: count,
  };
}
