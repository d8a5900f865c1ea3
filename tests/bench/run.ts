/**
 * `npm run bench`: import and start-up per engine, tile latency (cold, warm, under load) and the
 * server's overhead over bare database time, contiguity and analyze times, server memory.
 * Prints a table and JSON. Embedded engine always; PostgreSQL too when DATABASE_URL is set.
 * `npm run bench -- planner` runs only the planner against SKATER (see planner.ts).
 * `npm run bench -- coverage`: only coverage at 10, 1,000 and 10,000 alliances (issue 29), per engine.
 * `npm run bench -- saves [rounds]`: only tiles idle against tiles while 3 writers save and 2 clients search, per
 * engine, the median of `rounds` (default 3).
 * `npm run bench -- instances`: only two `npm start` on DATABASE_URL's server under 200 readers and
 * 5 writers (BENCH_SECONDS, default 60).
 * `npm run bench -- soak`: only the soak of issue 23 (random tiles z0–z14 and the open-data files
 * against `npm start`: the process stays up, RSS under 1 GB on the embedded engine, health answers);
 * `npm run bench -- soak 10000` sends that many tiles instead of 50,000; `npm run bench -- lassos`:
 * only the costly lassos (combs, stars) against `npm start`, with health; SOAK_NODE_ARGS adds
 * arguments to the server's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to see what holds it).
 * `npm run bench -- ogc-pages`: only the OGC pages of issue 23 (associations asked with limit=1000:
 * bytes, time, and health while 3 clients read every page at once).
 * BENCH_CPU_PROFILE=dir with `saves`: the app's thread profiled while saving (dir/ENGINE-roundN.cpuprofile).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { contiguity } from '../../domain/contiguity';
import { ruleSetForRegion } from '../../domain/rule-sets';
import { evaluateRules } from '../../domain/rules';
import { summarizeTerritory } from '../../domain/territory';
import { importGeodata } from '../../geodata/import/pipeline';
import { silentProgress } from '../../geodata/progress';
import { loadGeodata } from '../../geodata/load';
import { createApp } from '../../server/app';
import { warmUp } from '../../server/warm-up';
import { createContext } from '../../server/context';
import { openDatabase, type Database } from '../../infra/db/database';
import { adminUrl, databaseUrlFor } from '../helpers/postgres';
import { buildClient, hasChromium } from '../helpers/browser';
import { benchClient, benchPlannerPage } from './client';
import { benchWalk } from './walk';
import { launchChromium } from '../helpers/browser';
import { benchServices } from './services';
import { benchCostlyLassos, benchHostile, type LassoFigures } from './hostile';
import { benchOgcPages, type OgcPageFigures } from './ogc-pages';
import { alliancesAtScale, readersAndWriters, searchFigures, tilesDuringSaves, type AllianceScaleRow } from './scale';
import { loadGeneratorNice, twoInstances } from './instances';
import { compareTileSources, nginxOnAppTiles } from './tile-sources';
import { serverMemory } from './server-memory';
import { soak, startServer, type ServerEnv, type SoakResult } from './soak';
import type { MemoryReport } from '../../server/data/memory-report';
import { load, percentile, type LoadResult } from './measure';
import { tileAt } from '../../server/tiles/tile-coords';
import { followChanges } from '../../server/context';
import { benchPlanner } from './planner';
import { nationalTileBytes } from './overview';
import { benchFirstView, bundleFigures, recordFirstView, testTemplate, withBarePage } from './first-view';

/** What a figure is compared with, measured in the same run on the same machine: the ratio is figure / reference. */
interface Reference {
  what: string;
  value: number;
}

const rows: { engine: string; measure: string; value: number; unit: string; goal?: string; reference?: Reference & { ratio: number } }[] = [];
const round2 = (value: number) => Math.round(value * 100) / 100;
const record = (engine: string, measure: string, value: number, unit: string, goal?: string, reference?: Reference) => {
  const compared = reference ? { reference: { what: reference.what, value: round2(reference.value), ratio: round2(value / reference.value) } } : {};
  rows.push({ engine, measure, value: round2(value), unit, ...(goal ? { goal } : {}), ...compared });
  // As it goes, so that a long run shows its figures before the table.
  const beside = compared.reference ? ` beside ${compared.reference.value} (${compared.reference.what}): ${compared.reference.ratio}×` : '';
  console.error(`${engine}: ${measure}: ${round2(value)} ${unit}${beside}${goal ? ` (goal ${goal})` : ''}`);
};

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Real tiles z5–z12 around a few Italian cities. */
function benchTiles(): { z: number; x: number; y: number }[] {
  const places = [[12.4964, 41.9028], [9.19, 45.4642], [14.2681, 40.8518], [13.3615, 38.1157], [11.3426, 44.4949], [7.3154, 45.7372], [16.8719, 41.1171], [9.1106, 39.2238]];
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let z = 5; z <= 12; z++) {
    for (const [lon, lat] of places as [number, number][]) {
      const t = tileAt(lon, lat, z);
      if (!tiles.some((o) => o.z === t.z && o.x === t.x && o.y === t.y)) tiles.push(t);
    }
  }
  return tiles;
}

async function timeRequests(base: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const p of paths) {
    const start = performance.now();
    const response = await fetch(base + p, { headers: { 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return times;
}

/** A connected set of `size` Comuni grown from Roma, through shared borders. */
function connectedSet(neighbours: (code: string) => readonly string[], size: number): string[] {
  const set = ['058091'];
  const seen = new Set(set);
  for (let i = 0; set.length < size && i < set.length; i++) {
    for (const n of neighbours(set[i] as string)) {
      if (set.length >= size) break;
      if (!seen.has(n)) {
        seen.add(n);
        set.push(n);
      }
    }
  }
  return set;
}

async function benchEngine(engine: 'pglite' | 'postgres', open: () => Promise<Database>, clientDir?: string): Promise<void> {
  // First start: empty database → import → ready to serve.
  let start = performance.now();
  let db = await open();
  const opened = seconds(start);
  const importStart = performance.now();
  await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
  record(engine, 'open empty database (+ migrations)', opened, 's');
  record(engine, 'first import', seconds(importStart), 's', engine === 'postgres' ? '≤ 30 s' : undefined);
  record(engine, 'first start: empty → imported', seconds(start), 's', engine === 'pglite' ? '≤ 90 s' : undefined);
  await db.close();

  // Re-start on the existing data: open, serve, warm caches.
  start = performance.now();
  db = await open();
  // The bench measures the server, not its rate limits.
  const ctx = createContext(db, { clientDir, rateLimits: { read: 1e9, computeMs: 1e12, computeAtOnce: 1e9, write: 1e9, adminFailures: 1e9 }, ogcFeaturesPerMinute: 1e9, ogcMegabytesPerMinute: 1e9 });
  const unfollow = await followChanges(ctx);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
    // Longer than any pause of the bench between two requests on one connection (bulk inserts of
    // 10,000 alliances): a kept-alive socket closed by the server meanwhile would reset the next one.
    s.keepAliveTimeout = 120_000;
  });
  record(engine, 're-start: ready to serve', seconds(start), 's', engine === 'pglite' ? '≤ 10 s' : undefined);
  const { value: tables } = await ctx.tables.get();
  await ctx.tiles.comuni.get();
  record(engine, 're-start: caches warm (tables + tile index)', seconds(start), 's');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  {
    // Issue 29: the national first view's tiles, generalised up to z6 (276 KB before: 98 + 112 + 52 + 13).
    const { value: index } = await ctx.tiles.comuni.get();
    const national = await nationalTileBytes(index);
    const each = national.map((t) => `${(t.bytes / 1e3).toFixed(0)}`).join(' + ');
    record(engine, `the four z5 tiles of Italy, gzipped (${each} KB)`, national.reduce((sum, t) => sum + t.bytes, 0) / 1e3, 'KB', '≤ 150 KB');
  }
  // Tiles: cold (fresh index cache), warm, under load, and bare database time for the same tiles.
  const tiles = benchTiles();
  const paths = tiles.map((t) => `/tiles/comuni/${t.z}/${t.x}/${t.y}.pbf`);
  const cold = await timeRequests(base, paths);
  const warm = await timeRequests(base, [...paths, ...paths, ...paths]);
  record(engine, `tile cold p50 (${tiles.length} tiles z5–z12)`, percentile(cold, 50), 'ms');
  record(engine, 'tile cold p95', percentile(cold, 95), 'ms', '≤ 100 ms');
  record(engine, 'tile warm p50', percentile(warm, 50), 'ms');
  record(engine, 'tile warm p95', percentile(warm, 95), 'ms', '≤ 10 ms');
  const bare: number[] = [];
  for (const t of tiles) {
    const s = performance.now();
    await db.knex.raw(
      `SELECT code, ST_AsGeoJSON(geom, 6) FROM comuni WHERE geom && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)`,
      [t.z, t.x, t.y],
    );
    bare.push(performance.now() - s);
  }
  record(engine, 'bare database time for the same tiles p50', percentile(bare, 50), 'ms');
  record(engine, 'overhead ratio: cold tile p50 / bare database p50', percentile(cold, 50) / percentile(bare, 50), '×');
  record(engine, 'overhead ratio: warm tile p50 / bare database p50', percentile(warm, 50) / percentile(bare, 50), '×');
  const all = await load(base, paths, 8, 10);
  record(engine, 'tiles under load, all z5–z12 (10 connections)', all.requestsPerSecond, 'req/s', '≥ 3,000 req/s');
  record(engine, 'tiles under load p97.5', all.latencyP97_5, 'ms');
  // The same without the national tiles (150–290 KB each), to separate server overhead from bytes.
  const detail = paths.filter((_, i) => (tiles[i] as { z: number }).z >= 9);
  const detailLoad = await load(base, detail, 8, 10);
  record(engine, 'tiles under load, z9–z12 only (10 connections)', detailLoad.requestsPerSecond, 'req/s');
  // Issue 13: tiles while founders save and others search; the same tiles as an archive and as static files.
  {
    const sets = [10, 20, 30].map((n) => connectedSet(tables.graph.neighbours, n));
    const during = await tilesDuringSaves(base, paths, sets);
    const { value: index } = await ctx.tiles.comuni.get();
    const sources = await compareTileSources(db.knex, index, tiles);
    const nginxReference = sources.nginx && { what: 'nginx, the same tiles as files, 8 connections', value: sources.nginx.requestsPerSecond };
    record(engine, 'tiles idle, 8 connections', during.idle.requestsPerSecond, 'req/s', nginxReference ? '≥ 0.9 × nginx' : undefined, nginxReference);
    record(engine, `tiles while 3 writers save (${during.saves} saves) and 2 clients search (${during.searches})`, during.busy.requestsPerSecond, 'req/s', '≥ 0.6 × idle', { what: 'tiles idle', value: during.idle.requestsPerSecond });
    record(engine, 'tiles:export, comuni + associations z0–z12', sources.exportSeconds, 's');
    record(engine, 'comuni.pmtiles size', sources.archiveBytes / 1e6, 'MB');
    record(engine, 'tile read from the PMTiles archive, in-process p50', sources.archiveReadP50, 'ms');
    record(engine, 'tile from the in-memory cutter (warm), in-process p50', sources.cutterWarmP50, 'ms');
    record(engine, 'static files (express.static, as a CDN would), 8 connections', sources.staticFiles.requestsPerSecond, 'req/s');
    record(engine, 'tiles idle (app), beside express.static', during.idle.requestsPerSecond, 'req/s', undefined, { what: 'express.static, the same files', value: sources.staticFiles.requestsPerSecond });
    if (sources.nginx) {
      record(engine, 'static files from nginx (1 worker, sendfile), 8 connections: the ceiling here', sources.nginx.requestsPerSecond, 'req/s');
    }
    if (sources.nginx200) {
      record(engine, 'nginx, same tiles, 200 connections (as the 200 readers): requests', sources.nginx200.requestsPerSecond, 'req/s');
      record(engine, 'nginx, same tiles, 200 connections: p99 — the floor of that test here', sources.nginx200.latencyP99 ?? NaN, 'ms');
    } else {
      console.error('nginx not installed: no nginx baseline (apt-get install nginx)');
    }
    const search = await searchFigures(base, [...tables.facts.keys()]);
    record(engine, 'search p50 (10 queries × 10, HTTP)', search.searchP50, 'ms', '≤ 5 ms');
    record(engine, 'search p95', search.searchP95, 'ms');
    {
      const { value: index } = await ctx.comuni.get();
      const times: number[] = [];
      for (let round = 0; round < 10; round++) {
        for (const q of ['roma', 'lugo', 'san', 'monte', 'castel', 'aglie', '058091', 'H501', 'reggio', 'torre del greco']) {
          const s = performance.now();
          index.search(q, 10);
          times.push(performance.now() - s);
        }
      }
      record(engine, 'search in the in-memory index itself, p50 (no HTTP)', percentile(times, 50), 'ms');
    }
    record(engine, 'resolve all 7,899 ISTAT codes in one request', search.resolveAllMs, 'ms', '≤ 300 ms');
  }

  // Contiguity and analyze, over HTTP and as bare domain calls.
  for (const size of [10, 100, 500]) {
    const members = connectedSet(tables.graph.neighbours, size);
    const body = JSON.stringify({ members });
    const times = async (p: string) => {
      const t: number[] = [];
      for (let i = 0; i < 30; i++) {
        const s = performance.now();
        await (await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer();
        t.push(performance.now() - s);
      }
      return percentile(t, 50);
    };
    record(engine, `contiguity ${size} members (HTTP p50)`, await times('/api/contiguity'), 'ms');
    record(engine, `analyze ${size} members (HTTP p50)`, await times('/api/territories/analyze'), 'ms', size === 500 ? '≤ 20 ms' : undefined);
    const s = performance.now();
    for (let i = 0; i < 100; i++) contiguity(members, tables.graph.neighbours);
    record(engine, `contiguity ${size} members (domain function)`, (performance.now() - s) / 100, 'ms');
  }
  // Builder: recompute totals + contiguity + rules after adding one Comune (what the browser does).
  for (const size of [10, 100, 500, 2000]) {
    const members = connectedSet(tables.graph.neighbours, size + 1);
    const facts = (code: string) => tables.facts.get(code);
    const s = performance.now();
    const rounds = 20;
    for (let i = 0; i < rounds; i++) {
      const current = members.slice(0, size + 1);
      const summary = summarizeTerritory(current, facts);
      const parts = contiguity(current, tables.graph.neighbours);
      evaluateRules(
        {
          members: current.map((code) => {
            const f = facts(code)!;
            return { code, name: f.name, population: f.population, provinceCode: f.provinceCode, mountain: false };
          }),
          contiguity: parts,
        },
        ruleSetForRegion(summary.regions[0]?.code),
      );
    }
    record(engine, `builder update after adding 1 to ${size} members`, (performance.now() - s) / rounds, 'ms', size === 500 ? '≤ 16 ms' : undefined);
  }
  {
    const members = connectedSet(tables.graph.neighbours, 300);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      const response = await fetch(`${base}/api/alliances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Bench ${i}`, members: members.map((code) => ({ code })) }),
      });
      if (response.status !== 201) throw new Error(`save failed: ${response.status} ${await response.text()}`);
      times.push(performance.now() - s);
    }
    record(engine, 'save an alliance of 300 members (p50 of 5)', percentile(times, 50), 'ms', engine === 'pglite' ? '≤ 1,000 ms' : '≤ 300 ms');
  }
  {
    const figures = await benchServices(base, db, tables, connectedSet(tables.graph.neighbours, 50));
    record(engine, `coverage of one service, all 7,899 Comuni (HTTP p50, ${figures.publishedMembers} covered)`, figures.coverageHttpP50, 'ms', '≤ 200 ms');
    record(engine, 'coverage of any fundamental function (HTTP p50)', figures.coverageFundamentalHttpP50, 'ms', '≤ 200 ms');
    record(engine, 'coverage aggregation (domain function)', figures.coverageDomainMs, 'ms');
    record(engine, 'suggestions for 50 members (HTTP p50)', figures.suggestionsHttpP50, 'ms', '≤ 50 ms');
    record(engine, 'suggestions for 50 members (domain function)', figures.suggestionsDomainMs, 'ms');
    record(engine, 'lasso around a region: Comuni mostly inside (HTTP p50)', figures.withinRegionHttpP50, 'ms');
  }
  {
    const scale = await alliancesAtScale(base, db, connectedSet(tables.graph.neighbours, 50));
    const first = scale.warm[0]!;
    for (const [i, row] of scale.warm.entries()) {
      const cold = scale.cold[i]!;
      const n = row.alliances.toLocaleString('en');
      record(engine, `${n} published alliances: list, first page (cold / warm)`, cold.listMs, `ms / ${row.listMs.toFixed(1)} ms`, i > 0 ? `warm ≤ 1.5 × ${first.listMs.toFixed(1)}` : undefined);
      record(engine, `${n} published alliances: overlay alliances.geojson (cold / warm, ${(row.outlinesBytes / 1e6).toFixed(2)} MB gzip)`, cold.outlinesMs, `ms / ${row.outlinesMs.toFixed(1)} ms`, i > 0 ? `warm ≤ 1.5 × ${first.outlinesMs.toFixed(1)}` : undefined);
      recordCoverage(engine, scale, i);
      record(engine, `${n} published alliances: suggestions for 50 (cold / warm)`, cold.suggestionsMs, `ms / ${row.suggestionsMs.toFixed(1)} ms`, i > 0 ? `warm ≤ 1.5 × ${first.suggestionsMs.toFixed(1)}` : undefined);
      record(engine, `${n} published alliances: open data members.csv (build / built)`, cold.membersCsvMs, `ms / ${row.membersCsvMs.toFixed(1)} ms`);
      record(engine, `${n} published alliances: open data services.xlsx (build / built)`, cold.servicesXlsxMs, `ms / ${row.servicesXlsxMs.toFixed(1)} ms`);
      record(engine, `${n} published alliances: open data fees.csv (build / built)`, cold.feesCsvMs, `ms / ${row.feesCsvMs.toFixed(1)} ms`);
    }
  }
  {
    const m = process.memoryUsage();
    record(engine, 'bench process RSS (it also ran the import, the alliances, the export; see npm start below)', m.rss / 1e6, 'MB');
    record(engine, 'of which JS heap used', m.heapUsed / 1e6, 'MB');
    record(engine, 'of which array buffers (PGlite’s WebAssembly memory on the embedded engine, tiles)', m.arrayBuffers / 1e6, 'MB');
  }
  if (engine === 'postgres') {
    const ids = (await db.knex.raw<{ rows: { id: number }[] }>(`SELECT id FROM alliances WHERE deleted_at IS NULL ORDER BY id LIMIT 50`)).rows.map((r) => r.id);
    const sets = [10, 20, 30].map((n) => connectedSet(tables.graph.neighbours, n));
    const mixed = await readersAndWriters(base, paths, ids, sets, 60);
    record(engine, `200 readers (tiles, alliance pages, search) + 5 writers for 60 s: requests (${mixed.saves} saves)`, mixed.requestsPerSecond, 'req/s');
    record(engine, '200 readers + 5 writers: errors and non-2xx answers', mixed.errors + mixed.non2xx, '', '0');
    record(engine, '200 readers + 5 writers: read p99', mixed.latencyP99 ?? NaN, 'ms', '≤ 200 ms');
  }
  {
    const h = await benchHostile(base, db);
    record(engine, 'hostile: health p99 alone', h.healthP99Alone, 'ms');
    record(engine, `hostile: health p99 while 4 zigzag lassos (1,000 vertices) run (answered ${h.zigzagStatus})`, h.healthP99UnderZigzag, 'ms', '≤ 100 ms');
    record(engine, 'hostile: slowest zigzag answer', h.zigzagAnswerMs, 'ms', '≤ 2,000 ms');
    record(engine, `hostile: alliance list, first page of 200 (${h.alliances} alliances)`, h.listFirstPageMs, 'ms');
    record(engine, `hostile: alliance list, all ${h.alliances} in pages of 500`, h.listAllPagesMs, 'ms');
    record(engine, `hostile: alliances.geojson (default limit 1,000 of ${h.alliances})`, h.outlinesMs, 'ms');
    record(engine, 'hostile: alliances.geojson size', h.outlinesBytes / 1e6, 'MB');
    recordLassos(engine, await benchCostlyLassos(base));
  }
  {
    // OGC items as GDAL 3.6 reads them, 10 at a time: the last page of the Comuni has the deepest OFFSET.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await (await fetch(`${base}/ogc/collections/comuni/items?limit=10&offset=7890`)).arrayBuffer();
      times.push(performance.now() - s);
    }
    record(engine, 'OGC items: last page of 10 Comuni (offset 7,890), median of 5', percentile(times, 50), 'ms');
  }

  if (clientDir && hasChromium) {
    // Issue 29: the national first view against a bare MapLibre page on the same tiles, same run.
    recordFirstView(record, engine, await benchFirstView(base, (await ctx.versions.current()).id), bundleFigures(clientDir));
    const client = await benchClient(base, clientDir);
    record(engine, 'browser: navigation → national map drawn (median of 3 cold loads)', client.drawnMs / 1000, 's', '≤ 2.5 s');
    record(engine, 'browser: bytes transferred for the first screen', client.transferredBytes / 1e6, 'MB', '≤ 2 MB');
    record(engine, 'client: initial JS (gzip)', client.initialJsGzipBytes / 1e3, 'KB', '≤ 700 KB');
    record(engine, 'client: all JS incl. lazy deck.gl overlays (gzip)', client.allJsGzipBytes / 1e3, 'KB');
    record(engine, 'browser: coverage map recolour, 7,899 Comuni (join + paint, median)', client.recolourMs, 'ms', '≤ 100 ms');
    record(engine, 'browser: coverage map recolour until drawn (median)', client.recolourDrawnMs, 'ms');
    const browser = await launchChromium();
    const planner = await benchPlannerPage(browser, base);
    record(engine, 'browser: planner in a Worker, Piemonte at 20,000 (seed 5)', planner.planMs / 1000, 's');
    record(engine, 'browser: longest main-thread task while the planner runs', planner.planLongestTaskMs, 'ms', '≤ 50 ms');
    record(engine, 'browser: main-thread task taking the plan and drawing it', planner.planAnswerTaskMs, 'ms');
    const walk = await benchWalk(browser, base);
    await browser.close();
    record(engine, `founder's walk: landing → saved Bassa Romagna alliance, desktop (${walk.desktop.actions} actions)`, walk.desktop.seconds, 's');
    record(engine, `founder's walk: the same on a 390 px phone (${walk.phone.actions} actions)`, walk.phone.seconds, 's');
  }
  await new Promise((resolve) => server.close(resolve));
  await unfollow();
  await ctx.tileThread.close();
  await db.close();
}

/** Coverage at the i-th number of alliances, each figure beside its own at the first (10 alliances). */
function recordCoverage(engine: string, scale: { cold: AllianceScaleRow[]; warm: AllianceScaleRow[] }, i: number): void {
  const [cold, warm, firstCold, firstWarm] = [scale.cold[i], scale.warm[i], scale.cold[0], scale.warm[0]] as [AllianceScaleRow, AllianceScaleRow, AllianceScaleRow, AllianceScaleRow];
  const n = warm.alliances.toLocaleString('en');
  const at = (ms: number) => (i > 0 ? { what: `at ${firstWarm.alliances} alliances`, value: ms } : undefined);
  const goal = i > 0 ? '≤ 1.5 ×' : undefined;
  record(engine, `${n} published alliances: coverage, first answer after ${i > 0 ? 'adding' : 'saving'} them in bulk (every provision read)`, cold.coverageMs, 'ms');
  record(engine, `${n} published alliances: coverage, first answer after one more is saved (cold, median of 5)`, cold.coverageAfterSaveMs, 'ms', goal, at(firstCold.coverageAfterSaveMs));
  record(engine, `${n} published alliances: coverage warm (median of 5, ${(warm.coverageBytes / 1e3).toFixed(0)} KB JSON)`, warm.coverageMs, 'ms', goal, at(firstWarm.coverageMs));
}

/** `npm run bench -- coverage`: only coverage at 10, 1,000 and 10,000 alliances, cold and warm, per engine. */
async function coverageOnly(): Promise<void> {
  await withImportedDatabases(async (engine, db) => {
    await withServer(db, async (base, ctx) => {
      const { value: tables } = await ctx.tables.get();
      const scale = await alliancesAtScale(base, db, connectedSet(tables.graph.neighbours, 50), 'coverage');
      for (let i = 0; i < scale.warm.length; i++) recordCoverage(engine, scale, i);
    });
  });
}

/**
 * `npm run bench -- saves [rounds]`: per engine, only tiles idle against tiles while 3 writers save
 * and 2 clients search (as in the whole bench, the app in this process, the clients in others),
 * `rounds` times (default 3: on a shared machine one round can be off by half), each figure the
 * median of the rounds; beside nginx on the same tiles when it is installed; and how long the app's
 * event loop was held in each phase (p99, median of the rounds, and the longest).
 */
async function savesOnly(rounds: number): Promise<void> {
  await withImportedDatabases(async (engine, db) => {
    await withServer(db, async (base, ctx) => {
      const { value: tables } = await ctx.tables.get();
      const tiles = benchTiles();
      const paths = tiles.map((t) => `/tiles/comuni/${t.z}/${t.x}/${t.y}.pbf`);
      const { value: index } = await ctx.tiles.comuni.get();
      const nginx = await nginxOnAppTiles(index, tiles);
      const sets = [10, 20, 30].map((n) => connectedSet(tables.graph.neighbours, n));
      // Per phase and round, the event loop's delay: p99 and max, each round's watch started afresh.
      const held: Record<'idle' | 'busy', { p99: number; max: number }[]> = { idle: [], busy: [] };
      const results: Awaited<ReturnType<typeof tilesDuringSaves>>[] = [];
      // BENCH_CPU_PROFILE=dir: the app's thread profiled while saving, one .cpuprofile a round.
      const profiler = process.env.BENCH_CPU_PROFILE ? await cpuProfiler(process.env.BENCH_CPU_PROFILE) : null;
      let profiling: Promise<unknown> = Promise.resolve();
      for (let round = 0; round < rounds; round++) {
        let watch: { phase: 'idle' | 'busy'; delay: ReturnType<typeof monitorEventLoopDelay> } | null = null;
        results.push(
          await tilesDuringSaves(base, paths, sets, (phase) => {
            if (watch) {
              watch.delay.disable();
              held[watch.phase].push({ p99: watch.delay.percentile(99) / 1e6, max: watch.delay.max / 1e6 });
            }
            watch = phase === 'end' ? null : { phase, delay: monitorEventLoopDelay({ resolution: 10 }) };
            watch?.delay.enable();
            if (profiler) profiling = profiling.then(() => (phase === 'busy' ? profiler.start() : phase === 'end' ? profiler.stop(`${engine}-round${round + 1}`) : undefined));
          }),
        );
        await profiling;
        const last = results.at(-1)!;
        console.error(`${engine}: round ${round + 1}: idle ${last.idle.requestsPerSecond.toFixed(0)} req/s, while saving ${last.busy.requestsPerSecond.toFixed(0)} req/s (${last.saves} saves, ${last.searches} searches): ${(last.busy.requestsPerSecond / last.idle.requestsPerSecond).toFixed(2)}×`);
      }
      const median = (pick: (r: (typeof results)[number]) => number) => percentile(results.map(pick), 50);
      const idle = median((r) => r.idle.requestsPerSecond);
      const busy = median((r) => r.busy.requestsPerSecond);
      const ratios = results.map((r) => (r.busy.requestsPerSecond / r.idle.requestsPerSecond).toFixed(2)).join(', ');
      const nginxReference = nginx && { what: 'nginx, the same tiles as files, 8 connections', value: nginx.nginx.requestsPerSecond };
      record(engine, `tiles idle, 8 connections (median of ${rounds})`, idle, 'req/s', nginxReference ? '≥ 0.9 × nginx' : undefined, nginxReference);
      record(engine, `tiles while 3 writers save (${median((r) => r.saves)} saves) and 2 clients search (${median((r) => r.searches)}), median of ${rounds}`, busy, 'req/s', undefined, { what: 'tiles idle', value: idle });
      // The goal's figure: each round's own ratio (its idle and busy phases minutes apart at most), the median.
      record(engine, `tiles while saving / tiles idle, the median of each round's ratio (${ratios})`, median((r) => r.busy.requestsPerSecond / r.idle.requestsPerSecond), '×', '≥ 0.6');
      record(engine, 'tiles p99 idle / while saving (medians)', median((r) => r.idle.latencyP99 ?? NaN), `ms / ${median((r) => r.busy.latencyP99 ?? NaN)} ms`);
      for (const [name, h] of Object.entries(held)) {
        const max = Math.max(...h.map((r) => r.max));
        record(engine, `event loop delay of the app's thread, ${name === 'idle' ? 'tiles idle' : 'tiles while saving'}: p99, median of the rounds (max ${max.toFixed(0)} ms)`, percentile(h.map((r) => r.p99), 50), 'ms');
      }
      if (nginx) record(engine, 'nginx, same tiles, 200 connections: p99 — the floor of the 200 readers’ test here', nginx.nginx200.latencyP99 ?? NaN, 'ms');
      else console.error('nginx not installed: no nginx reference (apt-get install nginx-light)');
    });
  });
}

/** This thread's CPU profile between `start` and `stop`, written to `dir/name.cpuprofile` (open it in Chrome's DevTools). */
async function cpuProfiler(dir: string): Promise<{ start(): Promise<void>; stop(name: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await fs.mkdir(dir, { recursive: true });
  return {
    start: async () => void (await session.post('Profiler.start')),
    stop: async (name) => {
      const { profile } = await session.post('Profiler.stop');
      await fs.writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

/** `npm run bench -- instances` (PostgreSQL only): two `npm start` on one database, 200 readers and 5 writers. */
async function instancesOnly(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('the instances part needs DATABASE_URL (a PostgreSQL server)');
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  await withImportedDatabases(async (engine, _db, url) => {
    if (engine === 'postgres' && url) await recordInstances(url, seconds);
  }, { embedded: false });
}

async function recordInstances(url: string, seconds: number): Promise<void> {
  const paths = benchTiles().map((t) => `/tiles/comuni/${t.z}/${t.x}/${t.y}.pbf`);
  const r = await twoInstances(url, paths, seconds);
  const [a, b] = r.instances as [LoadResult, LoadResult];
  record('postgres', `two npm start on one database: 200 readers (100 each, one load-generator process) + 5 writers for ${seconds} s: requests (${r.saves} saves, ${a.requestsPerSecond.toFixed(0)} + ${b.requestsPerSecond.toFixed(0)} req/s)`, r.requestsPerSecond, 'req/s');
  record('postgres', `two instances: read errors and non-2xx answers (${r.saveFailures} saves failed)`, r.errors + r.saveFailures, '', '0');
  record('postgres', `two instances: read p99, the worse instance (${a.latencyP99 ?? NaN} / ${b.latencyP99 ?? NaN} ms; load generator at nice ${loadGeneratorNice()})`, r.readP99, 'ms', '≤ 300 ms');
  record('postgres', 'two instances: a save on one, counted in the other’s coverage after', r.seenOnOtherMs, 'ms');
  record('postgres', 'two instances: the same answers after the load (coverage, the alliance saved last)', r.coherent ? 1 : 0, r.coherent ? 'yes' : 'NO', 'yes');
}

/** Runs `work` on a freshly imported database per engine: embedded (unless told not), and DATABASE_URL's when set. */
async function withImportedDatabases(work: (engine: 'pglite' | 'postgres', db: Database, url?: string) => Promise<void>, options: { embedded?: boolean } = {}): Promise<void> {
  if (options.embedded !== false) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-part-'));
    try {
      const db = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
      try {
        await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
        await work('pglite', db);
      } finally {
        await db.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    await withScratchDatabase(url, 'ali_bench', async (databaseUrl) => {
      const db = await openDatabase({ databaseUrl, dataDir: '' });
      try {
        await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
        await work('postgres', db, databaseUrl);
      } finally {
        await db.close();
      }
    });
  }
}

/** A database of its own on `url`'s server for `work`, dropped after. */
async function withScratchDatabase(url: string, prefix: string, work: (databaseUrl: string) => Promise<void>): Promise<void> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    await work(databaseUrlFor(url, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The app in this process over `db`, following its changes, without rate limits. */
async function withServer(db: Database, work: (base: string, ctx: ReturnType<typeof createContext>) => Promise<void>): Promise<void> {
  const ctx = createContext(db, { rateLimits: { read: 1e9, computeMs: 1e12, computeAtOnce: 1e9, write: 1e9, adminFailures: 1e9 }, ogcFeaturesPerMinute: 1e9, ogcMegabytesPerMinute: 1e9 });
  const unfollow = await followChanges(ctx);
  // As `npm start` does once the data is ready: the first save finds the evaluation thread running.
  await warmUp(ctx);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
    s.keepAliveTimeout = 120_000;
  });
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, ctx);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await unfollow();
  }
}

function recordSoak(engine: string, r: SoakResult): void {
  const tiles = r.peakReport?.tiles;
  const thread = r.peakReport?.tileThread;
  const archives = Object.values(tiles?.archiveBytes ?? {}).reduce((a, b) => a + b, 0);
  const kept = tiles
    ? `, tiles ${((tiles.encoded.bytes + tiles.cut.bytes) / 1e6).toFixed(1)} of ${(tiles.budgetBytes / 1e6).toFixed(0)} MB kept + ${(tiles.indexBytes / 1e6).toFixed(1)} MB index, archives ${archives > 0 ? `${(archives / 1e6).toFixed(1)} MB` : 'none'}, heap ${r.peakReport?.heapUsedMb} MB, tile thread ${thread ? `heap ${thread.heapMb} MB (${thread.indexes} indexes)` : 'not running'}, PGlite ${r.peakReport?.pglite ? `${r.peakReport.pglite.wasmMb} + ${r.peakReport.pglite.heapMb}` : '–'} MB`
    : '';
  record(engine, `soak: ${r.tileRequests.toLocaleString('en')} random tiles z0–z14 (8 clients) + open-data files (${r.openDataRequests}) in ${r.seconds.toFixed(0)} s: server still up`, r.alive ? 1 : 0, r.alive ? 'yes' : 'NO', 'yes');
  record(engine, `soak: tile and open-data failures (non-2xx, no answer; ${r.tileTimeouts} tiles not within 60 s)`, r.tileFailures + r.openDataFailures, '', '0');
  record(engine, `soak: highest RSS of npm start${kept}`, r.peakRssMb, 'MB', engine === 'pglite' ? '≤ 1,000 MB' : undefined);
  record(engine, `soak: health p50 / p99 (${r.healthSamples} asked, ${r.healthOver200} over 200 ms)`, r.healthP50, `ms / ${r.healthP99.toFixed(0)} ms`);
  record(engine, 'soak: slowest health answer', r.healthMax, 'ms', '≤ 200 ms');
}

/**
 * Each engine with freshly imported data, as `npm start` would run it: the embedded one, and
 * DATABASE_URL's PostgreSQL if set (in a database of its own, dropped after).
 */
async function onEachEngine(run: (engine: 'pglite' | 'postgres', env: ServerEnv) => Promise<void>): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-soak-'));
  try {
    const db = await openDatabase({ dataDir: path.join(dir, 'data', 'pglite') });
    await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
    await db.close();
    await run('pglite', { DATA_DIR: path.join(dir, 'data') });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    await withScratchDatabase(url, 'ali_soak', async (databaseUrl) => {
      const db = await openDatabase({ databaseUrl, dataDir: '' });
      await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
      await db.close();
      await run('postgres', { DATABASE_URL: databaseUrl });
    });
  }
}

function recordLassos(engine: string, l: LassoFigures): void {
  record(engine, 'hostile: slowest of 40 health answers alone', l.healthMaxAlone, 'ms');
  record(engine, `hostile: slowest of 3 combs across Italy (999 vertices) sent at once (answered ${l.combStatuses.join(', ')})`, l.combSlowestMs, 'ms', '≤ 2,000 ms');
  record(engine, 'hostile: slowest health answer while the 3 combs run', l.healthMaxUnderComb, 'ms', '≤ 200 ms');
  record(engine, `hostile: 60 star polygons (999 vertices) sent at once, all answered (${l.starStatuses.join(', ')})`, l.starsAllMs, 'ms');
  record(engine, 'hostile: slowest health answer while the 60 stars run', l.healthMaxUnderStars, 'ms', '≤ 200 ms');
}

function recordOgcPages(engine: string, o: OgcPageFigures): void {
  record(engine, `OGC: a page of associations asked with limit=1000 (${o.firstPageFeatures} features)`, o.firstPageBytes / 1e6, 'MB', '≤ 2 MB');
  record(engine, 'OGC: that page, answered alone (median of 3)', o.firstPageMs, 'ms');
  record(engine, 'OGC: slowest of 40 health answers alone', o.healthMaxAlone, 'ms');
  record(engine, `OGC: 3 clients at once following next through every association with limit=1000 (${o.walkPages} pages each, ${o.walkFeaturesEach.join(', ')} features)`, o.walkMs, 'ms');
  record(engine, 'OGC: largest page those clients got', o.walkLargestPageBytes / 1e6, 'MB', '≤ 2 MB');
  record(engine, 'OGC: slowest health answer while the 3 clients read', o.healthMaxUnderWalk, 'ms', '≤ 200 ms');
}

function printTable(): void {
  console.log('\n| engine | measure | figure | reference (same run) | ratio | goal |\n| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const reference = r.reference ? `${r.reference.value} (${r.reference.what})` : '';
    console.log(`| ${r.engine} | ${r.measure} | ${r.value} ${r.unit} | ${reference} | ${r.reference ? `${r.reference.ratio}×` : ''} | ${r.goal ?? ''} |`);
  }
  console.log('\n' + JSON.stringify({ machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1e9)} GB, Node ${process.version}`, results: rows }, null, 2));
}

/**
 * The first view alone (`npm run bench -- first-view`): the app and a bare MapLibre page on the same
 * tiles, on a copy of the tests' embedded database when there is one (else a fresh import).
 */
async function firstViewOnly(): Promise<void> {
  if (!hasChromium) throw new Error('first-view: Chromium is needed');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-'));
  const clientDir = withBarePage(await buildClient());
  const template = testTemplate();
  if (template) await fs.cp(template, path.join(dir, 'pgdata'), { recursive: true });
  const db = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
  try {
    if (!template) await importGeodata(db.knex, await loadGeodata(silentProgress), silentProgress);
    const ctx = createContext(db, { clientDir, rateLimits: { read: 1e9, computeMs: 1e12, computeAtOnce: 1e9, write: 1e9, adminFailures: 1e9 }, ogcFeaturesPerMinute: 1e9, ogcMegabytesPerMinute: 1e9 });
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = createApp(ctx).listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      await ctx.tiles.comuni.get(); // the tile index built, as after a start
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      recordFirstView(record, 'pglite', await benchFirstView(base, (await ctx.versions.current()).id), bundleFigures(clientDir));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(clientDir, { recursive: true, force: true });
  }
  printTable();
}

/** Named parts run alone: `npm run bench -- planner` (prints its own table), `npm run bench -- soak [tiles]`, `npm run bench -- lassos`, `npm run bench -- first-view`, `coverage`, `saves`, `instances`. */
const PARTS: Record<string, () => Promise<void>> = {
  planner: benchPlanner,
  'first-view': firstViewOnly,
  coverage: async () => {
    await coverageOnly();
    printTable();
  },
  saves: async () => {
    const rounds = Number(process.argv[3] ?? 3);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`npm run bench -- saves [rounds]: "${process.argv[3]}" is not a number of rounds`);
    await savesOnly(rounds);
    printTable();
  },
  instances: async () => {
    await instancesOnly();
    printTable();
  },
  soak: async () => {
    const requests = Number(process.argv[3] ?? 50_000);
    if (!Number.isInteger(requests) || requests < 1) throw new Error(`npm run bench -- soak [tiles]: "${process.argv[3]}" is not a number of tiles`);
    await onEachEngine(async (engine, env) => recordSoak(engine, await soak(env, requests)));
    printTable();
  },
  'ogc-pages': async () => {
    process.env.RATE_LIMIT_OGC_FEATURES = '100000000'; // the pages' cost, not the per-client budget
    process.env.RATE_LIMIT_OGC_MB = '100000000';
    await onEachEngine(async (engine, env) => {
      const server = await startServer(env);
      try {
        recordOgcPages(engine, await benchOgcPages(server.base));
      } finally {
        await server.stop();
      }
    });
    printTable();
  },
  lassos: async () => {
    await onEachEngine(async (engine, env) => {
      const server = await startServer(env);
      try {
        recordLassos(engine, await benchCostlyLassos(server.base));
      } finally {
        await server.stop();
      }
    });
    printTable();
  },
};

async function main(): Promise<void> {
  const part = process.argv[2];
  if (part !== undefined) {
    const only = PARTS[part];
    if (!only) throw new Error(`unknown bench part "${part}": one of ${Object.keys(PARTS).join(', ')}`);
    return only();
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-'));
  // The built client with the bare MapLibre page beside it (the first view's reference).
  const clientDir = withBarePage(await buildClient());
  try {
    await benchEngine('pglite', () => openDatabase({ dataDir: path.join(dir, 'pgdata') }), clientDir);
    // The same data under `npm start`, in its own process: the memory goal is about that one.
    await fs.mkdir(path.join(dir, 'data'));
    await fs.rename(path.join(dir, 'pgdata'), path.join(dir, 'data', 'pglite'));
    const memory = await serverMemory(path.join(dir, 'data'), benchTiles().map((t) => `/tiles/comuni/${t.z}/${t.x}/${t.y}.pbf`));
    const breakdown = (r: MemoryReport) => `heap ${r.heapUsedMb} MB of ${r.heapTotalMb}, PGlite ${r.pglite?.wasmMb ?? 0} MB WebAssembly + ${r.pglite?.heapMb ?? 0} MB heap, tiles ${((r.tiles.encoded.bytes + r.tiles.cut.bytes) / 1e6).toFixed(1)} MB kept + ${(r.tiles.indexBytes / 1e6).toFixed(1)} MB index`;
    record('pglite', `npm start, caches warm: RSS (${breakdown(memory.afterStart)})`, memory.afterStart.rssMb, 'MB', '≤ 1,000 MB');
    record('pglite', `npm start, highest RSS in ${memory.rounds} rounds of tiles and API reads (${breakdown(memory.peak)})`, memory.peak.rssMb, 'MB', '≤ 1,000 MB');
    record('pglite', `npm start, 15 s after the load (${breakdown(memory.afterIdle)})`, memory.afterIdle.rssMb, 'MB', '≤ 1,000 MB');
    recordSoak('pglite', await soak({ DATA_DIR: path.join(dir, 'data') }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true }); // the client build is the tests' shared cache: kept (this is a copy)
    await fs.rm(clientDir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ali_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      await benchEngine('postgres', () => openDatabase({ databaseUrl: databaseUrlFor(url, name), dataDir: '' }));
      recordSoak('postgres', await soak({ DATABASE_URL: databaseUrlFor(url, name) }));
      await recordInstances(databaseUrlFor(url, name), 60);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  printTable();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
