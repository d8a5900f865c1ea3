import type { Feature, FeatureCollection, MultiPoint } from 'geojson';
import type { AtlasTable } from '../../domain/atlas-table';
import type { Plan } from '../../domain/planner/types';

/** The plan as CSV: one row per Comune, its code and its alliance (1-based; empty when unassigned). */
export function planCsv(plan: Plan, atlas: AtlasTable): string {
  const rowOf = new Map(atlas.code.map((c, i) => [c, i]));
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = ['code,name,alliance,unassigned_reason'];
  plan.alliances.forEach((a, k) => {
    for (const code of a.members) lines.push([code, quote(atlas.name[rowOf.get(code) ?? -1] ?? ''), String(k + 1), ''].join(','));
  });
  for (const u of plan.unassigned) lines.push([u.code, quote(atlas.name[rowOf.get(u.code) ?? -1] ?? ''), '', u.reason].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The plan as GeoJSON: one feature per alliance with its members' label points (the page has no
 * boundaries; saved as drafts, each alliance's outline is at /api/alliances/{id}/export.geojson).
 */
export function planGeoJson(plan: Plan, atlas: AtlasTable, names: readonly string[]): FeatureCollection<MultiPoint> {
  const rowOf = new Map(atlas.code.map((c, i) => [c, i]));
  const features: Feature<MultiPoint>[] = plan.alliances.map((a, k) => ({
    type: 'Feature',
    id: k + 1,
    properties: { alliance: k + 1, name: names[k] ?? '', members: a.members, population: a.population },
    geometry: {
      type: 'MultiPoint',
      coordinates: a.members.map((c) => rowOf.get(c)).filter((i): i is number => i !== undefined).map((i) => [atlas.lon[i] as number, atlas.lat[i] as number]),
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** Offers text as a file through the browser's download. */
export function downloadText(text: string, fileName: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
