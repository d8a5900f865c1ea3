import area from '@turf/area';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generalise } from '../../server/tiles/overview';

/** Two squares side by side sharing a wiggly border from (1, 0) to (1, 1), with many points. */
function neighbours(): FeatureCollection<Polygon> {
  const border: [number, number][] = Array.from({ length: 101 }, (_, i) => [1 + 0.002 * Math.sin(i), i / 100]);
  const west: [number, number][] = [[0, 0], ...border, [0, 1], [0, 0]];
  const east: [number, number][] = [[2, 0], [2, 1], ...[...border].reverse(), [2, 0]];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 1, properties: { code: 'west' }, geometry: { type: 'Polygon', coordinates: [west] } },
      { type: 'Feature', id: 2, properties: { code: 'east' }, geometry: { type: 'Polygon', coordinates: [east] } },
    ],
  };
}

describe('generalise', () => {
  it('simplifies a shared border once: both neighbours get the same points, no gap and no overlap', () => {
    const input = neighbours();
    const output = generalise(input, 0.01);
    const [west, east] = output.features.map((f) => (f.geometry as Polygon).coordinates[0]!);
    expect(west!.length).toBeLessThan(20);
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const onBorder = (ring: number[][]) => new Set(ring.filter((p) => p[0]! > 0.5 && p[0]! < 1.5).map(key));
    expect(onBorder(west!)).toEqual(onBorder(east!));
    expect(onBorder(west!).size).toBeGreaterThanOrEqual(2);
    // Areas still add up to the two squares': what one lost, the other gained.
    const total = (fc: FeatureCollection) => fc.features.reduce((sum, f) => sum + area(f), 0);
    expect(total(output)).toBeCloseTo(total(input), -3);
    expect(output.features.map((f) => [f.id, f.properties])).toEqual([[1, { code: 'west' }], [2, { code: 'east' }]]);
  });

  it('keeps a small island whole rather than collapse it', () => {
    const island: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]]] } }],
    };
    const ring = (generalise(island, 0.01).features[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
  });
});
