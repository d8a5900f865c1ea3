import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { PROJECT_ROOT } from '../../infra/paths';
import type { MemoryReport } from '../../server/data/memory-report';
import { ITALY_BOUNDS, tileAt } from '../../server/tiles/tile-coords';
import { freePort, percentile } from './measure';
import { startArgs, startCommand, UNLIMITED } from './server-memory';

const TOKEN = 'bench-soak-admin-token-00000';

export interface SoakResult {
  tileRequests: number;
  /** Answers other than 200/204, and requests that got no answer (of which `tileTimeouts`: none within 60 s). */
  tileFailures: number;
  tileTimeouts: number;
  openDataRequests: number;
  openDataFailures: number;
  /** Whether `npm start` was still running at the end. */
  alive: boolean;
  /** Highest RSS of the server process (from /proc, every second), and the report nearest to it. */
  peakRssMb: number;
  peakReport: MemoryReport | undefined;
  /** /api/health, asked every 250 ms throughout. */
  healthP50: number;
  healthP99: number;
  healthMax: number;
  healthOver200: number;
  healthSamples: number;
  seconds: number;
}

/** A random tile over Italy at a random zoom 0–14: what a crawler or an attacker asks for. */
function randomTilePath(): string {
  const z = Math.floor(Math.random() * 15);
  const from = tileAt(ITALY_BOUNDS[0], ITALY_BOUNDS[3], z);
  const to = tileAt(ITALY_BOUNDS[2], ITALY_BOUNDS[1], z);
  const x = from.x + Math.floor(Math.random() * (to.x - from.x + 1));
  const y = from.y + Math.floor(Math.random() * (to.y - from.y + 1));
  return `/tiles/comuni/${z}/${x}/${y}.pbf`;
}

/** Every string in the catalogue that names one of this app's open-data CSV or XLSX files, as a path. */
function openDataPaths(catalogue: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const match = /\/api\/open-data\/[\w.-]+\.(?:csv|xlsx)$/.exec(value);
      if (match) found.add(match[0]);
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(catalogue);
  return [...found];
}

const rssOf = (pid: number): number => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1000;
  } catch {
    return 0;
  }
};

/**
 * Issue 23: `npm start` (its own process, the engine `env` names) under `requests` random tile
 * requests over z0–z14 from `connections` clients, while one client downloads every open-data file
 * the catalogue lists, again and again; health is asked every 250 ms and the RSS read every second.
 */
export async function soak(env: ServerEnv, requests = 50_000, connections = 8): Promise<SoakResult> {
  const server = await startServer(env);
  const { base } = server;
  let exited = false;
  server.process.once('exit', () => (exited = true));
  const started = performance.now();
  const health: number[] = [];
  let peakRssMb = 0;
  let peakReport: MemoryReport | undefined;
  let done = false;
  const result = { tileRequests: 0, tileFailures: 0, tileTimeouts: 0, openDataRequests: 0, openDataFailures: 0 };
  try {
    const catalogue: unknown = await (await fetch(`${base}/api/open-data/catalog.jsonld`)).json();
    const files = openDataPaths(catalogue);
    if (files.length === 0) throw new Error('the open-data catalogue lists no CSV or XLSX file');

    const healthLoop = (async () => {
      while (!done && !exited) {
        const s = performance.now();
        try {
          await (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
        } catch {
          /* counted by its time */
        }
        health.push(performance.now() - s);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const memoryLoop = (async () => {
      while (!done && !exited) {
        const rss = rssOf(server.process.pid!);
        if (rss > peakRssMb) {
          peakRssMb = rss;
          try {
            const response = await fetch(`${base}/api/health/memory`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(10_000) });
            peakReport = (await response.json()) as MemoryReport;
          } catch {
            /* the RSS is what counts */
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    const openDataLoop = (async () => {
      for (let i = 0; !done && !exited; i++) {
        result.openDataRequests++;
        try {
          const response = await fetch(base + files[i % files.length]!, { signal: AbortSignal.timeout(120_000) });
          await response.arrayBuffer();
          if (response.status !== 200) result.openDataFailures++;
        } catch {
          result.openDataFailures++;
        }
      }
    })();
    let sent = 0;
    const client = async () => {
      while (sent < requests && !exited) {
        sent++;
        result.tileRequests++;
        try {
          const response = await fetch(base + randomTilePath(), { headers: { 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(60_000) });
          await response.arrayBuffer();
          if (response.status !== 200 && response.status !== 204) result.tileFailures++;
        } catch (error) {
          result.tileFailures++;
          if ((error as Error).name === 'TimeoutError') result.tileTimeouts++;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, client));
    done = true;
    await Promise.all([healthLoop, memoryLoop, openDataLoop]);
    const sorted = [...health].sort((a, b) => a - b);
    return {
      ...result,
      alive: !exited,
      peakRssMb,
      peakReport,
      healthP50: percentile(sorted, 50),
      healthP99: percentile(sorted, 99),
      healthMax: sorted.at(-1) ?? NaN,
      healthOver200: health.filter((ms) => ms > 200).length,
      healthSamples: health.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    done = true;
    await server.stop();
  }
}

/** The engine of a bench's `npm start`: the embedded one on DATA_DIR, or PostgreSQL. */
export type ServerEnv = { DATA_DIR: string } | { DATABASE_URL: string };

export interface StartedServer {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `npm start` in its own process as a user runs it (no client build), on the engine `env` names,
 * with limits no bench reaches, once its caches are warm; SOAK_NODE_ARGS adds node arguments.
 */
export async function startServer(env: ServerEnv): Promise<StartedServer> {
  const port = await freePort();
  const server = spawn(process.execPath, [...(process.env.SOAK_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...startArgs(), '--no-client'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...startCommand().env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN, ...UNLIMITED },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null && server.signalCode === null ? server.once('exit', resolve) : resolve(null)));
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Memoria') && resolve());
      server.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
      // A first start on a DATA_DIR writes the tile archives before it is warm: under a minute, more on a busy machine.
      setTimeout(() => reject(new Error('npm start was not warm within 15 minutes')), 900_000).unref();
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base: `http://127.0.0.1:${port}`, process: server, stop };
}
