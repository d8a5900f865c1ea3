/**
 * The planner's input for real territories, read from the data pack in the repository without a database:
 * Comuni, populations, areas, associations, SLL and SNAI from the pack's files, and border neighbours from the
 * pack's topology (two Comuni are neighbours when they share arcs at least MIN_BORDER_M long, as the import's
 * adjacency step defines a border; hairline gaps that the import bridges are not bridged here).
 */
import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { AdjacencyGraph, type AdjacencyPair, type NeighbourLookup } from '../../domain/adjacency';
import type { PlanInput, PlanOptions, PlanUnit } from '../../domain/planner';
import { MIN_BORDER_M } from '../../geodata/import/adjacency';
import { PACK_DIR, PACK_FILES } from '../../geodata/pack/format';

export interface PackComune extends PlanUnit {
  name: string;
  province: string;
  region: string;
}

export interface PlannerPack {
  comuni: PackComune[];
  neighbours: NeighbourLookup;
  associationSizes: Record<string, number>;
}

type Props = { name?: string; province?: string; region?: string };

export async function loadPlannerPack(): Promise<PlannerPack> {
  // The pack's files directly (readPack checks checksums and builds every geometry: 10× slower).
  const manifest = JSON.parse(await fs.readFile(path.join(PACK_DIR, PACK_FILES.manifest), 'utf8')) as { datasets: { id: string; file: { path: string } }[] };
  const read = async (id: string) => fs.readFile(path.join(PACK_DIR, manifest.datasets.find((d) => d.id === id)?.file.path ?? id), 'utf8');
  const rows = async (id: string) => parse(await read(id), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const topo = JSON.parse(await read('boundaries')) as Topology<{ comuni: GeometryCollection<Props> }>;
  const geometries = topo.objects.comuni.geometries;
  const { scale, translate } = topo.transform ?? { scale: [1, 1], translate: [0, 0] };

  // Decode every arc to lon/lat; its length in metres and its vertices (for centroids).
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx as number;
      y += dy as number;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as const;
    });
  });
  const arcLength = arcs.map((pts) => {
    let m = 0;
    for (let i = 1; i < pts.length; i++) m += metres(pts[i - 1] as readonly [number, number], pts[i] as readonly [number, number]);
    return m;
  });

  const owners = new Map<number, string[]>();
  const centroid = new Map<string, [number, number]>();
  for (const geom of geometries) {
    const code = String(geom.id);
    const rings = geom.type === 'Polygon' ? geom.arcs : geom.type === 'MultiPolygon' ? geom.arcs.flat() : [];
    let sx = 0;
    let sy = 0;
    let k = 0;
    for (const ring of rings) {
      for (const ref of ring) {
        const i = ref < 0 ? ~ref : ref;
        const list = owners.get(i);
        if (list) list.push(code);
        else owners.set(i, [code]);
        for (const [x, y] of arcs[i] ?? []) {
          sx += x;
          sy += y;
          k++;
        }
      }
    }
    centroid.set(code, [sx / k, sy / k]);
  }
  const shared = new Map<string, number>();
  for (const [i, codes] of owners) {
    const distinct = [...new Set(codes)].sort();
    for (let p = 0; p < distinct.length; p++) {
      for (let q = p + 1; q < distinct.length; q++) {
        const key = `${distinct[p]}|${distinct[q]}`;
        shared.set(key, (shared.get(key) ?? 0) + (arcLength[i] as number));
      }
    }
  }
  const pairs: AdjacencyPair[] = [...shared].map(([key, borderM]) => {
    const [a, b] = key.split('|') as [string, string];
    return { a, b, borderM, kind: borderM >= MIN_BORDER_M ? 'border' : 'corner' };
  });
  const graph = new AdjacencyGraph(pairs);

  const associations = new Map<string, Set<string>>();
  const associationSizes: Record<string, number> = {};
  for (const r of await rows('unioni')) {
    const id = `${r.kind}:${r.key}`;
    const code = r.istat_code ?? '';
    const list = associations.get(code) ?? associations.set(code, new Set()).get(code);
    if (list?.has(id)) continue;
    list?.add(id);
    associationSizes[id] = (associationSizes[id] ?? 0) + 1;
  }
  const firstArea = async (id: string) => {
    const of = new Map<string, string>();
    for (const r of await rows(id)) if (!of.has(r.istat_code ?? '')) of.set(r.istat_code ?? '', r.key ?? '');
    return of;
  };
  const sll = await firstArea('sll');
  const snai = await firstArea('snai');
  const figures = new Map((await rows('figures')).map((r) => [r.code ?? '', r]));

  const comuni = geometries.map((geom): PackComune => {
    const code = String(geom.id);
    const props = (geom.properties ?? {}) as Props;
    const f = figures.get(code);
    return {
      code,
      name: props.name ?? code,
      province: props.province ?? '',
      region: props.region ?? '',
      population: Number(f?.population ?? 0),
      areaKm2: Number(f?.area_km2 || 0),
      centroid: centroid.get(code) as [number, number],
      associations: [...(associations.get(code) ?? [])],
      sll: sll.get(code) ?? null,
      snai: snai.get(code) ?? null,
    };
  });
  return { comuni, neighbours: graph.neighbours, associationSizes };
}

/** The planner's input for the Comuni that `where` keeps. */
export function packInput(pack: PlannerPack, where: (c: PackComune) => boolean, options: Partial<PlanOptions> = {}): PlanInput {
  return {
    units: pack.comuni.filter(where),
    neighbours: pack.neighbours,
    associationSizes: pack.associationSizes,
    options: { minPopulation: 20_000, keepAssociations: 'off', seed: 1, ...options },
  };
}

function metres([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
