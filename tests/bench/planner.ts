/**
 * `npm run bench -- planner`: the planner (POST /api/plans) against SKATER (R's spdep, tests/bench/skater.R)
 * on provinces and regions of different shape, at the AgID floor of 20,000 residents: alliances each
 * reaches, their share of upperBound = floor(population / floor), and the time through the API.
 * Needs Rscript with spdep (`apt-get install r-cran-spdep`); without it, the planner's column only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importGeodata } from '../../geodata/import/pipeline';
import { geodataLocation, loadGeodata } from '../../geodata/load';
import { silentProgress } from '../../geodata/progress';
import { openDatabase, type Database } from '../../infra/db/database';
import { createApp } from '../../server/app';
import { createContext } from '../../server/context';
import type { TerritoryTables } from '../../server/data/territory-store';
import type { PlanResponse } from '../../server/services/plans';
import { CACHE_DIR, templateKey } from '../setup/template';

const run = promisify(execFile);
const FLOOR = 20_000;

interface Area {
  name: string;
  shape: string;
  area: { province: string } | { region: string };
  /** The planner's time limit: the speed goals are 2 s for a province of 250 Comuni, 15 s for a region of 1,200. */
  timeLimitMs: number;
}

const AREAS: Area[] = [
  { name: 'Cuneo', shape: 'mountain + plain', area: { province: '004' }, timeLimitMs: 1_500 },
  { name: 'Torino', shape: 'mountain + city', area: { province: '001' }, timeLimitMs: 1_500 },
  { name: 'Sondrio', shape: 'mountain', area: { province: '014' }, timeLimitMs: 1_500 },
  { name: 'Belluno', shape: 'mountain', area: { province: '025' }, timeLimitMs: 1_500 },
  { name: 'Trento', shape: 'mountain', area: { province: '022' }, timeLimitMs: 1_500 },
  { name: "L'Aquila", shape: 'mountain', area: { province: '066' }, timeLimitMs: 1_500 },
  { name: 'Mantova', shape: 'plain', area: { province: '020' }, timeLimitMs: 1_500 },
  { name: 'Ferrara', shape: 'plain', area: { province: '038' }, timeLimitMs: 1_500 },
  { name: 'Cremona', shape: 'plain', area: { province: '019' }, timeLimitMs: 1_500 },
  { name: 'Foggia', shape: 'plain + islands', area: { province: '071' }, timeLimitMs: 1_500 },
  { name: 'Messina', shape: 'islands + mountain', area: { province: '083' }, timeLimitMs: 1_500 },
  { name: 'Napoli', shape: 'city + islands', area: { province: '063' }, timeLimitMs: 1_500 },
  { name: 'Sassari', shape: 'island', area: { province: '090' }, timeLimitMs: 1_500 },
  { name: 'Sardegna', shape: 'island region', area: { region: '20' }, timeLimitMs: 8_000 },
  { name: 'Emilia-Romagna', shape: 'plain + Apennines region', area: { region: '08' }, timeLimitMs: 8_000 },
  { name: 'Sicilia', shape: 'island region + small islands', area: { region: '19' }, timeLimitMs: 8_000 },
  { name: 'Piemonte', shape: 'mountain region', area: { region: '01' }, timeLimitMs: 10_000 },
];

interface Row {
  name: string;
  shape: string;
  comuni: number;
  upperBound: number;
  skater: number | null;
  skaterSeconds: number | null;
  planner: number;
  plannerSeconds: number;
  stoppedEarly: boolean;
}

/** A copy of the tests' cached import when there is one, otherwise a fresh import (about a minute). */
async function openData(dir: string): Promise<Database> {
  const template = path.join(CACHE_DIR, `pglite-${templateKey(geodataLocation().dir)}`);
  const dataDir = path.join(dir, 'pgdata');
  if (existsSync(path.join(template, 'ready'))) {
    await fs.cp(path.join(template, 'pgdata'), dataDir, { recursive: true });
    return openDatabase({ dataDir });
  }
  const db = await openDatabase({ dataDir });
  await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
  return db;
}

function codesOf(tables: TerritoryTables, area: Area['area']): string[] {
  return [...tables.facts.values()]
    .filter((f) => ('province' in area ? f.provinceCode === area.province : f.regionCode === area.region))
    .map((f) => f.code)
    .sort();
}

async function hasSpdep(): Promise<boolean> {
  try {
    await run('Rscript', ['-e', 'suppressMessages(library(spdep))']);
    return true;
  } catch {
    return false;
  }
}

/** SKATER's alliances at the floor for these Comuni: groups reaching the floor, and its time. */
async function skater(tables: TerritoryTables, codes: string[], dir: string): Promise<{ alliances: number; seconds: number }> {
  const inside = new Set(codes);
  // Points in km (equirectangular around Italy's middle latitude): distances for the tree's costs.
  const units = codes.map((c) => {
    const [lon, lat] = tables.labelPoints.get(c) ?? [0, 0];
    return `${c},${tables.facts.get(c)?.population ?? 0},${(lon * 111.32 * Math.cos((42 * Math.PI) / 180)).toFixed(3)},${(lat * 110.57).toFixed(3)}`;
  });
  const edges = codes.flatMap((a) => tables.graph.neighbours(a).filter((b) => inside.has(b) && a < b).map((b) => `${a},${b}`));
  const [unitsFile, edgesFile, outFile] = ['units.csv', 'edges.csv', 'groups.csv'].map((f) => path.join(dir, f)) as [string, string, string];
  await fs.writeFile(unitsFile, ['code,population,x,y', ...units].join('\n'));
  await fs.writeFile(edgesFile, ['a,b', ...edges].join('\n'));
  const script = fileURLToPath(new URL('./skater.R', import.meta.url));
  const start = performance.now();
  await run('Rscript', [script, unitsFile, edgesFile, String(FLOOR), outFile], { maxBuffer: 16 << 20 });
  const seconds = (performance.now() - start) / 1000;
  const population = new Map<number, number>();
  for (const line of (await fs.readFile(outFile, 'utf8')).trim().split('\n').slice(1)) {
    const [code, group] = line.split(',') as [string, string];
    const g = Number(group);
    if (g > 0) population.set(g, (population.get(g) ?? 0) + (tables.facts.get(code)?.population ?? 0));
  }
  return { alliances: [...population.values()].filter((p) => p >= FLOOR).length, seconds };
}

const share = (n: number | null, of: number) => (n === null ? '–' : of === 0 ? '–' : `${Math.round((100 * n) / of)} %`);

export async function benchPlanner(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-planner-'));
  const db = await openData(dir);
  const ctx = createContext(db, { rateLimits: { read: 1e9, compute: 1e9, write: 1e9, adminFailures: 1e9 } });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows: Row[] = [];
  const cold = { seconds: NaN };
  try {
    const { value: tables } = await ctx.tables.get();
    const withR = await hasSpdep();
    if (!withR) console.error('Rscript with spdep not found (apt-get install r-cran-spdep): no SKATER column');
    // The first plan starts a worker thread (it loads and compiles the planner): timed apart, as a cold start.
    const coldStart = performance.now();
    const warmUp = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ area: { codes: [[...tables.facts.keys()][0]] }, timeLimitMs: 100 }),
    });
    if (warmUp.status !== 200) throw new Error(`warm-up plan: ${warmUp.status}`);
    cold.seconds = (performance.now() - coldStart) / 1000;
    console.error(`cold start (a plan of one Comune on a new worker thread): ${cold.seconds.toFixed(2)} s`);
    for (const a of AREAS) {
      const codes = codesOf(tables, a.area);
      const start = performance.now();
      const response = await fetch(`${base}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ area: a.area, minPopulation: FLOOR, keepAssociations: 'soft', seed: 1, timeLimitMs: a.timeLimitMs }),
      });
      const plan = (await response.json()) as PlanResponse;
      if (response.status !== 200) throw new Error(`${a.name}: ${response.status} ${JSON.stringify(plan)}`);
      const plannerSeconds = (performance.now() - start) / 1000;
      const sk = withR ? await skater(tables, codes, dir) : null;
      const row: Row = {
        name: a.name,
        shape: a.shape,
        comuni: codes.length,
        upperBound: plan.score.upperBound,
        skater: sk?.alliances ?? null,
        skaterSeconds: sk?.seconds ?? null,
        planner: plan.score.alliances,
        plannerSeconds,
        stoppedEarly: plan.stoppedEarly,
      };
      rows.push(row);
      console.error(`${a.name}: ${codes.length} Comuni, upperBound ${row.upperBound}, SKATER ${row.skater ?? '–'} (${row.skaterSeconds?.toFixed(1) ?? '–'} s), planner ${row.planner} (${plannerSeconds.toFixed(2)} s)`);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  }

  console.log(`\nAlliances at ${FLOOR.toLocaleString('en')} residents (keepAssociations soft, seed 1; planner time = the API request)\n`);
  console.log('| area | shape | Comuni | floor | upperBound | SKATER | share | planner | share | planner / SKATER | planner time | SKATER time |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.shape} | ${r.comuni} | ${FLOOR} | ${r.upperBound} | ${r.skater ?? '–'} | ${share(r.skater, r.upperBound)} | ${r.planner} | ${share(r.planner, r.upperBound)} | ${r.skater ? (r.planner / r.skater).toFixed(2) : '–'} | ${r.plannerSeconds.toFixed(2)} s${r.stoppedEarly ? ' (limit)' : ''} | ${r.skaterSeconds === null ? '–' : `${r.skaterSeconds.toFixed(1)} s`} |`,
    );
  }
  const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
  const skaterTotal = sum((r) => r.skater ?? 0);
  const plannerTotal = sum((r) => r.planner);
  const atLeast = rows.filter((r) => r.skater !== null && r.planner >= r.skater).length;
  console.log(
    `| total | | ${sum((r) => r.comuni)} | | ${sum((r) => r.upperBound)} | ${skaterTotal} | ${share(skaterTotal, sum((r) => r.upperBound))} | ${plannerTotal} | ${share(plannerTotal, sum((r) => r.upperBound))} | ${skaterTotal ? (plannerTotal / skaterTotal).toFixed(2) : '–'} | | |`,
  );
  console.log(`\nA plan on a new worker thread first waits for it to load the planner: ${cold.seconds.toFixed(2)} s here (not in the times above).`);
  console.log(`Planner ≥ SKATER on ${atLeast} of ${rows.length} areas (goal: all); planner total / SKATER total ${skaterTotal ? (plannerTotal / skaterTotal).toFixed(2) : '–'} (goal ≥ 1.2).`);
  console.log(JSON.stringify({ machine: `${os.cpus().length} cores, Node ${process.version}`, floor: FLOOR, rows }, null, 2));
}
