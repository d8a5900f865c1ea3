import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/paths';

/** Where test databases are cached between runs, and the key that says a cache is still good. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'tests', '.cache');

/** The domain modules the import and the migrations use (the rest of domain/ cannot change the data). */
const IMPORTED_DOMAIN = ['associations.ts', 'codes.ts', 'services.ts', 'text.ts'];

/**
 * Changes when what the import reads changes: its code, the schema, the domain modules they use,
 * the dependency versions (package-lock.json) and the data files (pack or GEODATA_DIR).
 */
export function templateKey(dataDir: string): string {
  const hash = createHash('sha256');
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const code = [
    ...files(path.join(PROJECT_ROOT, 'geodata')).filter((f) => f.endsWith('.ts')),
    ...files(path.join(PROJECT_ROOT, 'infra')).filter((f) => f.endsWith('.ts')),
    ...IMPORTED_DOMAIN.map((f) => path.join(PROJECT_ROOT, 'domain', f)),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ];
  for (const file of code) hash.update(path.relative(PROJECT_ROOT, file)).update(fs.readFileSync(file));
  for (const file of files(dataDir)) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(dataDir, file)}:${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** Changes with the client's sources (client/, domain/, the dependencies): the key of its cached build. */
export function clientKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(PROJECT_ROOT, full)).update(fs.readFileSync(full));
    }
  };
  walk(path.join(PROJECT_ROOT, 'client'));
  walk(path.join(PROJECT_ROOT, 'domain'));
  hash.update(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  hash.update(fs.readFileSync(path.join(PROJECT_ROOT, 'vite.config.ts')));
  hash.update('production build'); // how buildClient builds (tests/helpers/browser.ts)
  return hash.digest('hex').slice(0, 12);
}

/** Removes cached client builds of other source states (at the start of a run, never during one). */
export function removeStaleClientBuilds(): void {
  if (!fs.existsSync(CACHE_DIR)) return;
  const current = `client-${clientKey()}`;
  for (const entry of fs.readdirSync(CACHE_DIR)) {
    if (entry.startsWith('client-') && entry !== current) fs.rmSync(path.join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}
