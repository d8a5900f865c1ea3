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

/**
 * The comb of issue #23: a closed outline from (6.5, 36.5) with 249 teeth, each up to 47.2 and back
 * to 36.55, across Italy: 999 vertices, never crossing itself, cut by the outline nearly every Comune.
 */
export function comb(teeth = 249): [number, number][] {
  const ring: [number, number][] = [[6.5, 36.5]];
  const width = (18.6 - 6.5) / teeth;
  for (let i = 0; i < teeth; i++) {
    const x = 6.5 + i * width;
    ring.push([x, 47.2], [x + width / 2, 47.2], [x + width / 2, 36.55], [x + width, 36.55]);
  }
  ring.push([18.6, 36.5], [6.5, 36.5]);
  return ring;
}

/** A star polygon {n/k} around Rome: vertex i joined to vertex i + k, so every edge crosses hundreds of others. */
export function star(n = 999, k = 499): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * ((i * k) % n)) / n;
    ring.push([12.5 + 2 * Math.cos(angle), 42 + 2 * Math.sin(angle)]);
  }
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

export interface LassoFigures {
  /** Slowest of 40 health answers with nothing else running: this machine's floor. */
  healthMaxAlone: number;
  combStatuses: number[];
  combSlowestMs: number;
  healthMaxUnderComb: number;
  starStatuses: number[];
  starsAllMs: number;
  healthMaxUnderStars: number;
}

/** Health, asked every 20 ms until `done` settles: each answer's time. */
async function healthWhile(base: string, done: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void done.finally(() => (settled = true));
  const times: number[] = [];
  while (!settled) {
    times.push(...(await healthTimes(base, 1)));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

/** Posts the rings to the lasso all at once (bodies serialised beforehand: the bench runs in the server's process). */
function postLassos(base: string, rings: [number, number][][]): Promise<{ status: number; ms: number }[]> {
  const bodies = rings.map((ring) => JSON.stringify({ polygon: { type: 'Polygon', coordinates: [ring] } }));
  const started = performance.now();
  return Promise.all(
    bodies.map((body) =>
      fetch(`${base}/api/comuni/within`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
        await r.arrayBuffer();
        return { status: r.status, ms: performance.now() - started };
      }),
    ),
  );
}

/**
 * Costly lassos of issue #23: the comb across Italy three times at once, then 60 star polygons
 * at once, with health asked every 20 ms throughout (its slowest answer).
 */
export async function benchCostlyLassos(base: string): Promise<LassoFigures> {
  // One of each first, so that the figures are of a warm server (its code compiled, the Comuni's boxes read).
  await postLassos(base, [comb(), star()]);
  const alone = await healthTimes(base, 40);
  const combs = postLassos(base, [comb(), comb(), comb()]);
  const healthUnderComb = await healthWhile(base, combs);
  const combAnswers = await combs;
  const started = performance.now();
  const stars = postLassos(base, Array.from({ length: 60 }, () => star()));
  const healthUnderStars = await healthWhile(base, stars);
  const starAnswers = await stars;
  return {
    healthMaxAlone: Math.max(...alone),
    combStatuses: combAnswers.map((a) => a.status),
    combSlowestMs: Math.max(...combAnswers.map((a) => a.ms)),
    healthMaxUnderComb: Math.max(...healthUnderComb),
    starStatuses: [...new Set(starAnswers.map((a) => a.status))],
    starsAllMs: performance.now() - started,
    healthMaxUnderStars: Math.max(...healthUnderStars),
  };
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
