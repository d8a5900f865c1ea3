import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TILE_CODE } from '../../server/tiles/archive-store';

const TILES = path.join(process.cwd(), 'server', 'tiles');

describe('the tile archives’ code fingerprint', () => {
  it('covers every module outside server/tiles that the tile code takes its content from (domain/, geodata/)', () => {
    const imported = new Set<string>();
    for (const name of fs.readdirSync(TILES).filter((n) => /\.(ts|mjs)$/.test(n))) {
      const text = fs.readFileSync(path.join(TILES, name), 'utf8');
      for (const [, from] of text.matchAll(/from '(\.\.\/\.\.\/(?:domain|geodata)\/[^']+)'/g)) {
        imported.add(path.normalize(path.join('server', 'tiles', `${from!}.ts`)));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    for (const file of imported) expect(TILE_CODE, `${file} changes the tiles: an archive of an older release would still be served`).toContain(file);
  });
});
