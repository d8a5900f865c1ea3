import { isSmallComune } from './thresholds';

/** The facts about one Comune that territory figures are built from. */
export interface ComuneFacts {
  code: string;
  name: string;
  provinceCode: string;
  regionCode: string;
  /** Residents; null where the source has no figure (e.g. a Comune created after the census). */
  population: number | null;
  areaKm2: number;
}

export type FactsLookup = (code: string) => ComuneFacts | undefined;

export interface TerritoryTotals {
  comuni: number;
  population: number;
  areaKm2: number;
  /** Residents per km², null for an empty territory. */
  densityPerKm2: number | null;
  smallComuni: number;
  /** Members counted without residents because the source has no figure for them. */
  withoutPopulation: string[];
}

export interface SpannedArea {
  code: string;
  comuni: number;
}

export interface TerritorySummary {
  totals: TerritoryTotals;
  provinces: SpannedArea[];
  regions: SpannedArea[];
}

/** Adds up a set of known Comuni. Every code must be known to `facts`. */
export function summarizeTerritory(members: Iterable<string>, facts: FactsLookup): TerritorySummary {
  let comuni = 0;
  let population = 0;
  let areaKm2 = 0;
  let smallComuni = 0;
  const withoutPopulation: string[] = [];
  const provinces = new Map<string, number>();
  const regions = new Map<string, number>();

  for (const code of new Set(members)) {
    const comune = facts(code);
    if (!comune) throw new Error(`Unknown Comune ${code}`);
    comuni++;
    areaKm2 += comune.areaKm2;
    if (comune.population === null) withoutPopulation.push(code);
    else population += comune.population;
    if (isSmallComune(comune.population)) smallComuni++;
    provinces.set(comune.provinceCode, (provinces.get(comune.provinceCode) ?? 0) + 1);
    regions.set(comune.regionCode, (regions.get(comune.regionCode) ?? 0) + 1);
  }

  return {
    totals: {
      comuni,
      population,
      areaKm2: round(areaKm2, 2),
      densityPerKm2: areaKm2 > 0 ? round(population / areaKm2, 1) : null,
      smallComuni,
      withoutPopulation: withoutPopulation.sort(),
    },
    provinces: spanned(provinces),
    regions: spanned(regions),
  };
}

function spanned(counts: Map<string, number>): SpannedArea[] {
  return [...counts]
    .map(([code, comuni]) => ({ code, comuni }))
    .sort((p, q) => q.comuni - p.comuni || (p.code < q.code ? -1 : 1));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
