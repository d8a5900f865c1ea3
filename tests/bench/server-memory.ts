import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/paths';
import type { MemoryReport } from '../../server/data/memory-report';
import { freePort, load } from './measure';

export interface ServerMemory {
  /** `npm start`'s RSS once its caches are warm, and its breakdown then. */
  afterStart: MemoryReport;
  /** The highest RSS seen during the rounds of mixed reads, with the breakdown at that moment. */
  peak: MemoryReport;
  /** After the load, 15 s idle. */
  afterIdle: MemoryReport;
  rounds: number;
}

const TOKEN = 'bench-memory-admin-token-0000';

/** `npm start` (package.json) as environment settings and node's arguments, so that the benches run the very command users run. */
export function startCommand(): { env: Record<string, string>; args: string[] } {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name as string] = value.join('=');
  }
  const [command, ...args] = words;
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node: the benches cannot run it as it is`);
  return { env, args };
}

/**
 * Per-address limits no bench reaches, for every `npm start` a bench runs (its clients are one
 * address): the benches measure the server, not the limits. Tiles count against the files budget,
 * which RATE_LIMIT_READ does not raise.
 */
export const UNLIMITED: Record<string, string> = {
  RATE_LIMIT_READ: '100000000',
  RATE_LIMIT_FILES: '100000000',
  RATE_LIMIT_WRITE: '100000000',
  RATE_LIMIT_COMPUTE_MS: '100000000000',
  RATE_LIMIT_COMPUTE_AT_ONCE: '1000000',
};

/** Node's arguments in `npm start`. */
export function startArgs(): string[] {
  // BENCH_SERVER_FLAGS: node flags for the servers a bench starts, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` to see where their time goes.
  const extra = process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...extra, ...startCommand().args];
}

/**
 * `npm start` as a user runs it (its own process, the embedded engine on `dataDir`), then rounds of
 * tiles and API reads (8 s each): the memory goal is about that process, not the bench's.
 */
export async function serverMemory(dataDir: string, tilePaths: string[], rounds = 3): Promise<ServerMemory> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, startArgs(), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...startCommand().env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_TOKEN: TOKEN, ...UNLIMITED },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const warm = new Promise<void>((resolve, reject) => {
    // The log line `npm start` writes once its caches are warm.
    server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Memoria') && resolve());
    server.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
    setTimeout(() => reject(new Error('npm start was not warm within 5 minutes')), 300_000).unref();
  });
  try {
    await warm;
    const report = async (): Promise<MemoryReport> => {
      const response = await fetch(`${base}/api/health/memory`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return (await response.json()) as MemoryReport;
    };
    const afterStart = await report();
    const list = (await (await fetch(`${base}/api/alliances`)).json()) as { alliances: { id: number }[] };
    const api = [
      '/api/atlas', '/api/alliances', '/api/alliances.geojson', '/api/coverage?service=protocollo', '/api/config',
      ...['roma', 'san', 'lugo', 'monte'].map((q) => `/api/comuni?q=${q}`),
      ...list.alliances.slice(0, 20).map((a) => `/api/alliances/${a.id}`),
    ];
    let peak = afterStart;
    const sample = async () => {
      const now = await report();
      if (now.rssMb > peak.rssMb) peak = now;
    };
    for (let round = 0; round < rounds; round++) {
      await load(base, tilePaths, 8, 10);
      await sample();
      await load(base, api, 8, 10);
      await sample();
    }
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    return { afterStart, peak, afterIdle: await report(), rounds };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
  }
}
