import type { BBox } from '../../domain/atlas-table';
import type { Atlas } from './atlas';

/** A box around the label points of some Comuni, with a margin (degrees), to fit the map to; null for none known. */
export function membersBBox(atlas: Atlas, codes: readonly string[], margin = 0.05): BBox | null {
  const rows = codes.map((code) => atlas.row(code)).filter((i): i is number => i !== undefined);
  if (rows.length === 0) return null;
  const lons = rows.map((i) => atlas.table.lon[i] as number);
  const lats = rows.map((i) => atlas.table.lat[i] as number);
  return [Math.min(...lons) - margin, Math.min(...lats) - margin, Math.max(...lons) + margin, Math.max(...lats) + margin];
}
