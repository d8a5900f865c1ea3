import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../infra/db/data-dir-lock';
import { openDatabase } from '../../infra/db/database';
import { PROJECT_ROOT } from '../../infra/paths';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-lock-'));
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

describe('the embedded database directory has one writer', () => {
  it('refuses a second opener while the first holds it, and lets it in once released', async () => {
    const dir = path.join(work, 'a', 'pglite');
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/già aperto da un altro processo/);
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('stops `geodata:import` run against a live server\'s data directory with a clear message and exit code 3', async () => {
    const dataDir = path.join(work, 'server');
    const release = await lockDataDir(path.join(dataDir, 'pglite')); // as `npm start` holds it
    try {
      const result = await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'geodata/cli/import.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', GEODATA_DIR: '' },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Il database in .* è già aperto da un altro processo/)]);
      // Nothing was created next to the server's files.
      expect(await fs.readdir(dataDir)).toEqual(['pglite.lock']);
    } finally {
      await release();
    }
  }, 60_000);
});
