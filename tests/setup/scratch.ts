import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The run's scratch folder in the system temp folder: the test database copies live in it, and the
 * run's global teardown deletes it. A run that could not tear down (killed, crashed) leaves it
 * behind; the next run deletes it, once the process that made it is gone.
 */
export const SCRATCH_PREFIX = 'ali-test-';

/** The file naming the process (the run's main process) a scratch folder belongs to. */
const OWNER = 'owner.pid';

/** A folder of the older layout (one per copy, no owner) older than this is a leftover. */
export const LEFTOVER_AGE_MS = 2 * 3600_000;

export async function createScratch(tmp = os.tmpdir()): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmp, `${SCRATCH_PREFIX}run-`));
  await fs.writeFile(path.join(dir, OWNER), String(process.pid));
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the scratch folders left by earlier runs: those whose owner process is gone, and those
 * without an owner (made before owners were recorded) older than LEFTOVER_AGE_MS. Another run's live
 * folder is left alone. Returns the folders deleted.
 */
export async function removeStaleScratch(tmp = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await fs.readdir(tmp, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(SCRATCH_PREFIX)) continue;
    const dir = path.join(tmp, entry.name);
    const owner = await fs.readFile(path.join(dir, OWNER), 'utf8').catch(() => undefined);
    const stale =
      owner !== undefined
        ? !isAlive(Number(owner))
        : now - (await fs.stat(dir).then((s) => s.mtimeMs, () => now)) > LEFTOVER_AGE_MS;
    if (stale) {
      await fs.rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}
