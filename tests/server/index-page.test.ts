import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPage, mediaForZoom, opensOnItaly } from '../../server/index-page';

/** Whether a viewport matches a media query list made of min/max-width/height features (the only ones the page uses). */
function matches(media: string, width: number, height: number): boolean {
  return media.split(', ').some((query) =>
    [...query.matchAll(/\((min|max)-(width|height): (\d+)px\)/g)].every(([, bound, side, px]) => {
      const value = side === 'width' ? width : height;
      return bound === 'min' ? value >= Number(px) : value <= Number(px);
    }),
  );
}

const page = (html = '<!doctype html><html><head><title>x</title></head><body></body></html>') => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ali-index-')), 'index.html');
  fs.writeFileSync(file, html);
  return file;
};

const tilePreloads = (html: string) => [...html.matchAll(/<link rel="preload" href="(\/tiles\/[^"]+)"[^>]*media="([^"]+)"/g)].map(([, href, media]) => ({ href: href!, media: media! }));

describe('the page preloads the first view', () => {
  it('names the tiles of Italy the default camera asks for, versioned: four at z5, two at z4', () => {
    const html = indexPage(page(), undefined)(7, true);
    expect(tilePreloads(html).map((l) => l.href)).toEqual([
      '/tiles/comuni/4/8/5.pbf?v=7', '/tiles/comuni/4/8/6.pbf?v=7',
      '/tiles/comuni/5/16/11.pbf?v=7', '/tiles/comuni/5/16/12.pbf?v=7', '/tiles/comuni/5/17/11.pbf?v=7', '/tiles/comuni/5/17/12.pbf?v=7',
    ]);
    expect(html).toContain('<meta name="ali-data-version" content="7">');
    expect(html).toContain('<link rel="preload" href="/api/atlas?v=7" as="fetch" crossorigin="anonymous">');
  });

  it('preloads no tile for a page that opens elsewhere, nor with tiles served from archives (TILES_URL)', () => {
    const file = page();
    expect(tilePreloads(indexPage(file, undefined)(7, false))).toEqual([]);
    const archived = indexPage(file, 'https://cdn.example/tiles')(7, true);
    expect(tilePreloads(archived)).toEqual([]);
    expect(archived).toContain('<meta name="ali-tiles-url" content="https://cdn.example/tiles">');
    // A new data version is a new page.
    expect(tilePreloads(indexPage(file, undefined)(8, true))[0]?.href).toBe('/tiles/comuni/4/8/5.pbf?v=8');
  });

  it('opens on Italy only at / without a camera, an area, a Comune, an alliance or a plan', () => {
    expect(opensOnItaly('/', {})).toBe(true);
    expect(opensOnItaly('/', { mode: 'coverage', theme: 'density', lang: 'en' })).toBe(true);
    for (const name of ['lon', 'lat', 'z', 'area', 'sel', 'alliance', 'piano']) expect(opensOnItaly('/', { [name]: '1' }), name).toBe(false);
    expect(opensOnItaly('/comuni/039012', {})).toBe(false);
    expect(opensOnItaly('/alleanze/12', {})).toBe(false);
  });

  it('gives each viewport the zoom its map gets (measured in Chromium), and at most one zoom', () => {
    const z4 = mediaForZoom(4);
    const z5 = mediaForZoom(5);
    // Desktops and wide screens (map 1008 × 657 and 1648 × 976 px): zoom 5.
    for (const [w, h] of [[1280, 800], [1280, 860], [1920, 1080], [1440, 900]] as const) {
      expect(matches(z5, w, h), `${w}×${h}`).toBe(true);
      expect(matches(z4, w, h), `${w}×${h}`).toBe(false);
    }
    // A phone (map 390 × 652 px) and a low laptop (1366 × 657: the map 1094 × ~514 px): zoom 4.
    for (const [w, h] of [[390, 844], [1366, 657]] as const) {
      expect(matches(z4, w, h), `${w}×${h}`).toBe(true);
      expect(matches(z5, w, h), `${w}×${h}`).toBe(false);
    }
    // Where the bars' height leaves the zoom in doubt, or the screen is tall enough for zoom 6: nothing.
    for (const [w, h] of [[1280, 770], [2560, 1600], [300, 400]] as const) {
      expect(matches(z4, w, h) || matches(z5, w, h), `${w}×${h}`).toBe(false);
    }
  });
});
