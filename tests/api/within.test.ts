import { describe, expect, it } from 'vitest';
import type { AtlasTable } from '../../domain/atlas-table';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Ring = [number, number][];
const rectangle = (w: number, s: number, e: number, n: number): Ring => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const within = (ring: Ring, minShare?: number) =>
  env.server.post('/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [ring] }, ...(minShare ? { minShare } : {}) });
const codes = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { codes: string[] }).codes;
};

describe('POST /api/comuni/within (lasso, polygon, rectangle)', () => {
  it('selects every Comune of Valle d’Aosta with a rectangle around the region', async () => {
    const atlas = (await (await env.server.get('/api/atlas')).json()) as AtlasTable;
    const region = atlas.regions.find((r) => r.code === '02')!;
    const [w, s, e, n] = region.bbox;
    const selected = new Set(await codes(await within(rectangle(w - 0.01, s - 0.01, e + 0.01, n + 0.01))));
    const aosta = atlas.code.filter((_, i) => atlas.region[i] === '02');
    expect(aosta).toHaveLength(74);
    for (const code of aosta) expect(selected.has(code)).toBe(true);
    // Piemonte Comuni along the edge are in only where most of their area is inside the rectangle.
    expect(selected.size).toBeGreaterThanOrEqual(74);
    expect(selected.size).toBeLessThan(200);
  });

  it('counts a Comune only when enough of it is inside the drawing', async () => {
    // A 2 × 2 km square in the centre of Rome: a sliver of Roma's 1,287 km².
    const square = rectangle(12.48, 41.89, 12.504, 41.908);
    expect(await codes(await within(square))).toEqual([]);
    expect(await codes(await within(square, 0.0001))).toEqual(['058091']);
    // Asked for, the Comuni only grazed come back apart, from the same pass.
    const grazed = await env.server.post('/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [square] }, partialShare: 0.0001 });
    expect(await grazed.json()).toEqual({ codes: [], partial: ['058091'] });
  });

  it('repairs a self-crossing lasso instead of failing', async () => {
    const bowtie: Ring = [[7.2, 45.6], [7.5, 45.8], [7.5, 45.6], [7.2, 45.8], [7.2, 45.6]];
    const selected = await codes(await within(bowtie, 0.0001));
    // The two triangles of the bow tie, both in Valle d'Aosta (province 007), as if drawn separately.
    expect(selected).toEqual([
      '007003', '007008', '007011', '007018', '007019', '007021', '007027', '007030', '007031', '007035', '007038', '007045',
      '007049', '007054', '007060', '007061', '007062', '007063', '007064', '007066', '007070', '007072', '007074',
    ]);
    const left = await codes(await within([[7.2, 45.6], [7.35, 45.7], [7.2, 45.8], [7.2, 45.6]], 0.0001));
    const right = await codes(await within([[7.5, 45.6], [7.5, 45.8], [7.35, 45.7], [7.5, 45.6]], 0.0001));
    expect(selected).toEqual([...new Set([...left, ...right])].sort());
  });

  it('explains a drawing it cannot use', async () => {
    const open = await within([[7, 45], [8, 45], [8, 46], [7, 46]]);
    expect(open.status).toBe(400);
    expect(JSON.stringify(await open.json())).toContain('non è chiuso');
    const outside = await within(rectangle(190, 45, 191, 46));
    expect(outside.status).toBe(400);
    const share = await within(rectangle(7, 45, 8, 46), 2);
    expect(share.status).toBe(400);
  });
});
