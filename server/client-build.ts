import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

/** Builds the client with Vite when no build is present (first `npm start` after install). */
export async function ensureClientBuilt(outDir: string): Promise<void> {
  if (fs.existsSync(path.join(outDir, 'index.html'))) return;
  console.log('Costruisco il client (solo al primo avvio)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
