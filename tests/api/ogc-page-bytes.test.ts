import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { REQUEST_COST } from '../../server/http/feature-budget';
import { MAX_LIMIT, PAGE_BYTES } from '../../server/ogc/paging';
import { startTestServer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Link = { href: string; rel: string; type: string };
type Items = FeatureCollection & { numberMatched: number; numberReturned: number; links: Link[] };

/** Every association the collection serves, in its order, from the database itself. */
async function associationIds(): Promise<number[]> {
  const result = await env.database.db.knex.raw<{ rows: { id: number }[] }>('SELECT id FROM associations WHERE outline IS NOT NULL ORDER BY id');
  return result.rows.map((r) => r.id);
}

const offsetOf = (href: string) => Number(new URL(href).searchParams.get('offset'));

/** Follows `next` from `first`: each page's bytes, features, and the ids in the order served. */
async function walkJson(first: string): Promise<{ pages: { bytes: number; returned: number; offset: number }[]; ids: (string | number)[] }> {
  const pages: { bytes: number; returned: number; offset: number }[] = [];
  const ids: (string | number)[] = [];
  let next: string | undefined = `${env.server.url}${first}`;
  while (next) {
    const response = await fetch(next);
    expect(response.status, next).toBe(200);
    const text = await response.text();
    const page = JSON.parse(text) as Items;
    expect(page.numberReturned).toBe(page.features.length);
    pages.push({ bytes: Buffer.byteLength(text), returned: page.numberReturned, offset: offsetOf(page.links.find((l) => l.rel === 'self')!.href) });
    ids.push(...page.features.map((f) => f.id!));
    const following = page.links.find((l) => l.rel === 'next')?.href;
    // The next page starts right after what this one returned.
    if (following) expect(offsetOf(following)).toBe(pages.at(-1)!.offset + page.numberReturned);
    next = following;
  }
  return { pages, ids };
}

describe('OGC items: a page is bounded by bytes as well as by count (issue 23)', () => {
  it('cuts a page of 1,000 associations under the byte budget, and its next links lead through every one once', async () => {
    const all = await associationIds();
    const first = (await (await env.server.get(`/ogc/collections/associations/items?limit=${MAX_LIMIT}`)).json()) as Items;
    expect(first.numberMatched).toBe(all.length); // honest: every match, whatever the page holds
    expect(first.numberReturned).toBeGreaterThan(0);
    expect(first.numberReturned).toBeLessThan(MAX_LIMIT);
    expect(first.links.find((l) => l.rel === 'self')!.href).toContain(`limit=${MAX_LIMIT}`);

    const walked = await walkJson(`/ogc/collections/associations/items?limit=${MAX_LIMIT}`);
    for (const page of walked.pages) expect(page.bytes, `page at ${page.offset}`).toBeLessThanOrEqual(PAGE_BYTES);
    expect(walked.pages.length).toBeGreaterThan(2);
    expect(walked.ids).toEqual(all);
  });

  it('bounds a generalised page (zoom) too, and still serves every association once', async () => {
    const walked = await walkJson(`/ogc/collections/associations/items?limit=${MAX_LIMIT}&zoom=12`);
    for (const page of walked.pages) expect(page.bytes, `page at ${page.offset}`).toBeLessThanOrEqual(PAGE_BYTES);
    expect(walked.ids).toEqual(await associationIds());
    // Generalised geometry is smaller: a page at a low zoom holds more of them than one in full detail.
    const full = (await (await env.server.get(`/ogc/collections/associations/items?limit=${MAX_LIMIT}`)).json()) as Items;
    const coarse = (await (await env.server.get(`/ogc/collections/associations/items?limit=${MAX_LIMIT}&zoom=4`)).json()) as Items;
    expect(coarse.numberReturned).toBeGreaterThan(full.numberReturned);
  });

  it('gives the HTML page the same features as the JSON page, and its next links lead through every one once', async () => {
    const all = await associationIds();
    const seen: number[] = [];
    let next: string | undefined = `${env.server.url}/ogc/collections/associations/items?f=html&limit=${MAX_LIMIT}`;
    let pages = 0;
    while (next) {
      const response: Response = await fetch(next);
      expect(response.status, next).toBe(200);
      const html: string = await response.text();
      const offset = offsetOf(next);
      const ids = [...html.matchAll(/<td><a href="[^"]*\/items\/(\d+)\?f=html">/g)].map((m) => Number(m[1]));
      const json = (await (await env.server.get(`/ogc/collections/associations/items?f=json&limit=${MAX_LIMIT}&offset=${offset}`)).json()) as Items;
      expect(ids, `page at ${offset}`).toEqual(json.features.map((f) => f.id));
      expect(ids.length).toBeLessThan(MAX_LIMIT);
      expect(html).toContain(`${ids.length} di ${all.length} elementi / ${ids.length} of ${all.length} items`);
      seen.push(...ids);
      next = /<a href="([^"]+)" type="text\/html">[^<]*<\/a> <small>\(next,/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(seen).toEqual(all);
  });

  it('charges the per-client budget for the features a cut page returned, not for its limit', async () => {
    const server = await startTestServer(env.database.db, undefined, { ogcFeaturesPerMinute: MAX_LIMIT + REQUEST_COST });
    try {
      let next: string | undefined = `${server.url}/ogc/collections/associations/items?limit=${MAX_LIMIT}`;
      let served = 0;
      for (let page = 0; page < 3 && next; page++) {
        const response: Response = await fetch(next);
        expect(response.status, `page ${page}`).toBe(200);
        const body = (await response.json()) as Items;
        served += body.numberReturned;
        next = body.links.find((l) => l.rel === 'next')?.href;
      }
      expect(served + 3 * REQUEST_COST).toBeLessThanOrEqual(MAX_LIMIT + REQUEST_COST);
    } finally {
      await server.close();
    }
  });
});
