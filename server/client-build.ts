import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './config';

/** Newest modification time of the files the client is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(PROJECT_ROOT, 'client'));
  walk(path.join(PROJECT_ROOT, 'domain'));
  return newest;
}

/**
 * Builds the client with Vite when there is no build, or when its sources changed since — in a
 * process of its own: a build takes some 800 MB that the server would otherwise keep for good.
 */
export async function ensureClientBuilt(outDir: string): Promise<void> {
  const index = path.join(outDir, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource()) return;
  console.log('Costruisco il client…');
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('vite/package.json');
  const bin = path.join(path.dirname(manifest), (require(manifest) as { bin: { vite: string } }).bin.vite);
  await promisify(execFile)(process.execPath, [bin, 'build', '--config', path.join(PROJECT_ROOT, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: PROJECT_ROOT, maxBuffer: 1e7 });
}
