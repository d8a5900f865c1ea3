import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratch, LEFTOVER_AGE_MS, removeStaleScratch } from '../setup/scratch';

/** The test runs' scratch folders (database copies, ~130 MB each) do not pile up in the temp folder. */

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-scratch-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

/** The id of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe('the next run deletes what an earlier run left', () => {
  it('deletes folders of ended runs and old folders without owner, keeps live runs and recent ones', async () => {
    const live = await createScratch(tmp); // this process: alive
    const ended = await createScratch(tmp);
    await fs.writeFile(path.join(ended, 'owner.pid'), String(endedPid()));
    await fs.mkdir(path.join(ended, 'copy-1', 'pgdata'), { recursive: true });
    const oldLeftover = path.join(tmp, 'ali-test-AbC123');
    const recentUnowned = path.join(tmp, 'ali-test-XyZ789');
    await fs.mkdir(path.join(oldLeftover, 'pgdata'), { recursive: true });
    await fs.mkdir(path.join(recentUnowned, 'pgdata'), { recursive: true });
    const old = new Date(Date.now() - LEFTOVER_AGE_MS - 60_000);
    await fs.utimes(oldLeftover, old, old);
    const unrelated = path.join(tmp, 'ali-client-1');
    await fs.mkdir(unrelated);

    const removed = await removeStaleScratch(tmp);

    expect(removed.sort()).toEqual([ended, oldLeftover].sort());
    expect((await fs.readdir(tmp)).sort()).toEqual([path.basename(live), path.basename(recentUnowned), 'ali-client-1'].sort());
  });
});
