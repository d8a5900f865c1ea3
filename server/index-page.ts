import fs from 'node:fs';
import { cameraSpanAtZoomZero, ITALY_CAMERA } from '../domain/first-view';
import { ITALY_BOUNDS, tilesCovering, versionedTilePath } from './tiles/tile-coords';

/**
 * The space around the map as client/styles.css lays the page out, by band of viewport width: the
 * sidebar beside it on a wide screen (17rem), none on a phone; the top bar and the footer take a
 * height that grows as they wrap, between the two figures given (measured in Chromium, Italian:
 * 1280 px wide 143 px, 1920 px 104 px, a phone 390 px wide 192 px). Where a band is not sure of the
 * zoom, no tile is preloaded: a wrong guess would cost more bytes than it saves time.
 */
const LAYOUTS: readonly { minWidth: number; maxWidth: number; side: number; chrome: readonly [number, number] }[] = [
  { minWidth: 1600, maxWidth: Infinity, side: 272, chrome: [100, 125] },
  { minWidth: 1200, maxWidth: 1599, side: 272, chrome: [100, 145] },
  { minWidth: 761, maxWidth: 1199, side: 272, chrome: [100, 200] },
  { minWidth: 0, maxWidth: 760, side: 0, chrome: [150, 230] },
];

/**
 * The zooms whose tiles a preload may name: those at which the map, fitted to Italy, asks for the
 * tiles covering all of the data's bounds (a deeper zoom asks for only those in view).
 */
const PRELOADED_ZOOMS = [4, 5] as const;

/**
 * The media query (a comma-separated list) of the viewports whose map, fitted to Italy, asks for
 * tiles of zoom z: at least z in both directions, and less than z + 1 in one of them, whatever the
 * height of the page's bars within its band. Viewports are whole CSS pixels.
 */
export function mediaForZoom(z: number): string {
  const span = cameraSpanAtZoomZero();
  const queries: string[] = [];
  for (const { minWidth, maxWidth, side, chrome } of LAYOUTS) {
    const fromWidth = Math.max(minWidth, Math.ceil(side + 2 ** z * span.width));
    const fromHeight = Math.ceil(chrome[1] + 2 ** z * span.height);
    // Under z + 1: narrower than this, or lower than that (with the bars at their thinnest).
    const belowWidth = Math.ceil(side + 2 ** (z + 1) * span.width) - 1;
    const belowHeight = Math.ceil(chrome[0] + 2 ** (z + 1) * span.height) - 1;
    const lower = `(min-width: ${fromWidth}px) and (min-height: ${fromHeight}px)`;
    const toWidth = Math.min(maxWidth, belowWidth);
    if (fromWidth <= toWidth) queries.push(`${lower} and (max-width: ${toWidth}px)`);
    if (fromHeight <= belowHeight) queries.push(`${lower}${maxWidth === Infinity ? '' : ` and (max-width: ${maxWidth}px)`} and (max-height: ${belowHeight}px)`);
  }
  return queries.join(', ');
}

/**
 * The preloads of the first view's tiles: for each zoom the default camera may ask for, the tiles
 * of Italy at that zoom, each with the media query of the viewports that ask for them (a browser
 * fetches only those whose media matches: no tile is downloaded twice or for nothing).
 */
export function firstViewTilePreloads(version: number): string {
  const links: string[] = [];
  for (const z of PRELOADED_ZOOMS) {
    // Preloaded only where the camera's tiles are all of the data's tiles at that zoom (true up to z5).
    const ofCamera = [...tilesCovering(ITALY_CAMERA, z)];
    const ofData = [...tilesCovering(ITALY_BOUNDS, z)];
    if (ofCamera.length !== ofData.length) continue;
    const media = mediaForZoom(z);
    for (const t of ofData) links.push(`<link rel="preload" href="${versionedTilePath('comuni', version, t)}" as="fetch" crossorigin="anonymous" media="${media}">`);
  }
  return links.join('');
}

/**
 * The query parameters that take the first view elsewhere than all of Italy (a camera, an area, a
 * Comune, an alliance or a plan fitted): with any of them, or on any path but `/`, no tile is preloaded.
 */
const ELSEWHERE = ['lon', 'lat', 'z', 'area', 'sel', 'alliance', 'piano'];

/** Whether a page request opens on the national map (the default camera). */
export function opensOnItaly(path: string, query: Record<string, unknown>): boolean {
  return path === '/' && !ELSEWHERE.some((name) => name in query);
}

/**
 * The client's page, read when it changes (a rebuild), with the data version and where the tiles
 * are (TILES_URL) in meta tags: the map asks for its first tiles at once, without a TileJSON or
 * /api/config round trip before them; a preload of the attribute table of that version; and, with
 * the app's own tiles and on the national map, preloads of the first view's tiles (the map's code is
 * preloaded by the build: vite.config.ts).
 */
export function indexPage(file: string, tilesUrl: string | undefined): (dataVersion: number, national: boolean) => string {
  const cached = new Map<boolean, { mtimeMs: number; dataVersion: number; html: string }>();
  const tiles = tilesUrl ? `<meta name="ali-tiles-url" content="${tilesUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">` : '';
  return (dataVersion, national) => {
    const { mtimeMs } = fs.statSync(file);
    const kept = cached.get(national);
    if (kept && kept.mtimeMs === mtimeMs && kept.dataVersion === dataVersion) return kept.html;
    // The attribute table, versioned like the tiles: asked for while the scripts still load.
    const atlas = `<link rel="preload" href="/api/atlas?v=${dataVersion}" as="fetch" crossorigin="anonymous">`;
    const firstTiles = national && !tilesUrl ? firstViewTilePreloads(dataVersion) : '';
    const html = fs.readFileSync(file, 'utf8').replace('</head>', `<meta name="ali-data-version" content="${dataVersion}">${tiles}${atlas}${firstTiles}</head>`);
    cached.set(national, { mtimeMs, dataVersion, html });
    return html;
  };
}
