import type { Geometry, Position } from 'geojson';

/** Twice the signed area of a ring in degrees: positive when it turns counterclockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/**
 * The rings of a geometry that break RFC 7946 §3.1.6 (exterior rings counterclockwise, holes
 * clockwise), and the positions with more than six decimals; empty when it follows the standard.
 */
export function rfc7946Problems(geometry: Geometry): string[] {
  const problems: string[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  polygons.forEach((rings, p) =>
    rings.forEach((ring, r) => {
      const area = signedArea(ring);
      if (r === 0 ? area <= 0 : area >= 0) problems.push(`polygon ${p} ring ${r} turns the wrong way`);
      if (ring.some((pos) => pos.some((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) > 1e-6))) problems.push(`polygon ${p} ring ${r} has more than 6 decimals`);
    }),
  );
  return problems;
}
