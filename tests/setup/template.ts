import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

/** Where test databases are cached between runs, and the key that says a cache is still good. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'tests', '.cache');

/** Changes when the schema, the import code or the source files change. */
export function templateKey(geodataDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.ts')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk(path.join(PROJECT_ROOT, 'geodata'));
  walk(path.join(PROJECT_ROOT, 'server', 'db'));
  walk(path.join(PROJECT_ROOT, 'domain'));
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  for (const file of files(geodataDir).sort()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(geodataDir, file)}:${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 12);
}
