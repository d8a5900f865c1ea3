import fs from 'node:fs';
import path from 'node:path';
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

/** Builds the client with Vite when there is no build, or when its sources changed since. */
export async function ensureClientBuilt(outDir: string): Promise<void> {
  const index = path.join(outDir, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource()) return;
  console.log('Costruisco il client…');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
