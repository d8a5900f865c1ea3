import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../infra/paths';

const run = promisify(execFile);

/** The p-th percentile (nearest rank) of some timings; NaN when there are none. */
export const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP97_5: number;
  latencyP99?: number;
  non2xx: number;
  errors: number;
}

/** autocannon over `paths` in a child process (the load generator shares the 2 cores, as a real client would not). */
export async function load(base: string, paths: string[], seconds: number, connections: number): Promise<LoadResult> {
  const { stdout } = await run('npx', ['tsx', path.join(PROJECT_ROOT, 'tests/bench/load.ts'), base, JSON.stringify(paths), String(seconds), String(connections)], { maxBuffer: 1e7 });
  return JSON.parse(stdout) as LoadResult;
}

/** A port nothing listens on now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
