import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Database } from '../../infra/db/database';
import { PROJECT_ROOT } from '../../infra/paths';
import { copyAlliance } from '../helpers/many-alliances';
import { load, percentile, type LoadResult } from './measure';

const SEED_MEMBERS = ['001065', '001193', '001260'];

/** Saves an alliance of `members` through the API; the id. */
async function save(base: string, name: string, members: string[], published = false): Promise<number> {
  const response = await fetch(`${base}/api/alliances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      status: published ? 'published' : 'draft',
      members: members.map((code, i) => ({ code, lead: i === 0 })),
      services: [{ code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 1_000_00, equalShare: 1 }],
    }),
  });
  if (response.status !== 201) throw new Error(`save failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

/** Loops until `until`: `work` again and again; how many times it ran. */
async function loop(until: () => boolean, work: (i: number) => Promise<void>): Promise<number> {
  let i = 0;
  while (!until()) await work(i++);
  return i;
}

/**
 * Tile throughput idle, then with 3 writers saving alliances and 2 clients searching at the same
 * time (8 tile connections): what a news article's readers meet while founders save. The writers
 * and searchers run in a child process (savers.ts), as autocannon does: their own work is not the
 * app's, even when the app runs in the bench's process.
 */
export async function tilesDuringSaves(
  base: string,
  tilePaths: string[],
  neighbourSets: string[][],
  /** Told as each phase starts, and once at the end (`npm run bench -- saves` watches the event loop in each). */
  onPhase?: (phase: 'idle' | 'busy' | 'end') => void,
): Promise<{ idle: LoadResult; busy: LoadResult; saves: number; searches: number }> {
  onPhase?.('idle');
  const idle = await load(base, tilePaths, 8, 8);
  const savers = spawn('npx', ['tsx', path.join(PROJECT_ROOT, 'tests/bench/savers.ts'), base, JSON.stringify(neighbourSets)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  savers.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => savers.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    savers.stderr.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve() : process.stderr.write(chunk)));
    savers.once('exit', (code) => reject(new Error(`savers.ts exited with ${code}`)));
  });
  onPhase?.('busy');
  const busy = await load(base, tilePaths, 8, 8);
  onPhase?.('end');
  savers.stdin.end();
  if ((await exited) !== 0) throw new Error('savers.ts failed');
  const { saves, searches } = JSON.parse(out) as { saves: number; searches: number };
  return { idle, busy, saves, searches };
}

export interface AllianceScaleRow {
  alliances: number;
  listMs: number;
  outlinesMs: number;
  outlinesBytes: number;
  coverageMs: number;
  /** The coverage answer's JSON, in bytes (compact whatever the number of alliances). */
  coverageBytes: number;
  /** The first coverage answer after one alliance is saved through the API (median of 5 saves). */
  coverageAfterSaveMs: number;
  suggestionsMs: number;
  /** The open-data files (built once per revision: cold is the build). */
  membersCsvMs: number;
  servicesXlsxMs: number;
  feesCsvMs: number;
}

const timed = async (request: () => Promise<Response>): Promise<{ ms: number; bytes: number }> => {
  const s = performance.now();
  const response = await request();
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${response.status} ${Buffer.from(body).toString()}`);
  return { ms: performance.now() - s, bytes: body.byteLength };
};

/**
 * The alliances' endpoints with 10, 1,000 and 10,000 published alliances (copies of one saved
 * through the API, written in a few statements): list, overlay, coverage, suggestions and three of
 * the open-data files, each the first answer after the change (cold: caches rebuilt) and then warm
 * (median of 5). Coverage also as a founder meets it: the first answer after one alliance is saved
 * among the others (median of 5 saves). `only: 'coverage'` measures coverage alone.
 */
export async function alliancesAtScale(base: string, db: Database, members50: string[], only?: 'coverage'): Promise<{ cold: AllianceScaleRow[]; warm: AllianceScaleRow[] }> {
  const seed = await save(base, 'ALI di scala', SEED_MEMBERS, true);
  const count = async () => (await db.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM alliances WHERE deleted_at IS NULL AND status = 'published'`)).rows[0]!.n;
  const cold: AllianceScaleRow[] = [];
  const warm: AllianceScaleRow[] = [];
  const suggestionsBody = JSON.stringify({ members: members50, services: ['protocollo'] });
  const skipped = async () => ({ ms: NaN, bytes: NaN });
  const measure = async (alliances: number): Promise<AllianceScaleRow> => {
    const other = (request: () => Promise<Response>) => (only ? skipped() : timed(request));
    const list = await other(() => fetch(`${base}/api/alliances`));
    const outlines = await other(() => fetch(`${base}/api/alliances.geojson`, { headers: { 'accept-encoding': 'gzip' } }));
    const coverage = await timed(() => fetch(`${base}/api/coverage?service=protocollo`));
    const suggestions = await other(() => fetch(`${base}/api/suggestions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: suggestionsBody }));
    const membersCsv = await other(() => fetch(`${base}/api/open-data/members.csv`, { headers: { 'accept-encoding': 'gzip' } }));
    const servicesXlsx = await other(() => fetch(`${base}/api/open-data/services.xlsx`));
    const feesCsv = await other(() => fetch(`${base}/api/open-data/fees.csv`, { headers: { 'accept-encoding': 'gzip' } }));
    return {
      alliances,
      listMs: list.ms,
      outlinesMs: outlines.ms,
      outlinesBytes: outlines.bytes,
      coverageMs: coverage.ms,
      coverageBytes: coverage.bytes,
      coverageAfterSaveMs: NaN,
      suggestionsMs: suggestions.ms,
      membersCsvMs: membersCsv.ms,
      servicesXlsxMs: servicesXlsx.ms,
      feesCsvMs: feesCsv.ms,
    };
  };
  for (const target of [10, 1_000, 10_000]) {
    const missing = target - (await count());
    if (missing > 0) await copyAlliance(db.knex, seed, missing);
    const n = await count();
    cold.push(await measure(n));
    // One save among n, then the first coverage answer: what changed is read, not all n again.
    const afterSave: number[] = [];
    for (let i = 0; i < 5; i++) {
      await save(base, `ALI di scala, salvata ${target}-${i}`, SEED_MEMBERS, true);
      afterSave.push((await timed(() => fetch(`${base}/api/coverage?service=protocollo`))).ms);
    }
    (cold.at(-1) as AllianceScaleRow).coverageAfterSaveMs = percentile(afterSave, 50);
    const rounds: AllianceScaleRow[] = [];
    for (let round = 0; round < 5; round++) rounds.push(await measure(n));
    const median = (key: keyof AllianceScaleRow) => percentile(rounds.map((r) => r[key]), 50);
    warm.push({
      alliances: n,
      listMs: median('listMs'),
      outlinesMs: median('outlinesMs'),
      outlinesBytes: median('outlinesBytes'),
      coverageMs: median('coverageMs'),
      coverageBytes: median('coverageBytes'),
      coverageAfterSaveMs: NaN,
      suggestionsMs: median('suggestionsMs'),
      membersCsvMs: median('membersCsvMs'),
      servicesXlsxMs: median('servicesXlsxMs'),
      feesCsvMs: median('feesCsvMs'),
    });
  }
  return { cold, warm };
}

/** Search p50 over typical queries, and resolving every ISTAT code in one request. */
export async function searchFigures(base: string, codes: string[]): Promise<{ searchP50: number; searchP95: number; resolveAllMs: number }> {
  const queries = ['roma', 'lugo', 'san', 'monte', 'castel', 'aglie', '058091', 'H501', 'reggio', 'torre del greco'];
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) times.push((await timed(() => fetch(`${base}/api/comuni?q=${encodeURIComponent(q)}`))).ms);
  }
  const resolve = await timed(() => fetch(`${base}/api/comuni/resolve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries: codes }) }));
  return { searchP50: percentile(times, 50), searchP95: percentile(times, 95), resolveAllMs: resolve.ms };
}

/**
 * 200 concurrent readers (tiles, alliance pages, search) for `seconds` while 5 writers save
 * alliances: errors and read latency.
 */
export async function readersAndWriters(base: string, tilePaths: string[], allianceIds: number[], neighbourSets: string[][], seconds = 60): Promise<LoadResult & { saves: number }> {
  const reads = [
    ...tilePaths,
    ...allianceIds.slice(0, 50).map((id) => `/api/alliances/${id}`),
    ...['roma', 'lugo', 'san', 'monte', 'castel'].map((q) => `/api/comuni?q=${q}`),
  ];
  let done = false;
  const writers = [0, 1, 2, 3, 4].map((w) => loop(() => done, async (i) => void (await save(base, `Scrittore ${w}-${i}`, neighbourSets[(w + i) % neighbourSets.length]!))));
  const result = await load(base, reads, seconds, 200);
  done = true;
  const saves = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
  return { ...result, saves };
}
