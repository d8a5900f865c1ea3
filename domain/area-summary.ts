import type { AtlasTable } from './atlas-table';
import { isObligedToAssociate, isSmallComune } from './thresholds';

/** Size classes of Comuni by residents: upper bounds (the last class has none). */
export const SIZE_CLASSES = [1000, 3000, 5000, 10000, 50000, null] as const;

/** What a region or province (or all of Italy) adds up to, from the attribute table. */
export interface AreaSummary {
  comuni: number;
  population: number;
  smallComuni: number;
  /** Small Comuni obliged to run their fundamental functions together (DL 78/2010). */
  obliged: number;
  /** Comuni in at least one Unione di Comuni or Comunità Montana. */
  inUnioni: number;
  /** Small Comuni (≤ 5,000 residents) in no Unione di Comuni or Comunità Montana. */
  smallOutsideUnioni: number;
  mountain: number;
  /** Comuni per inner-area class ("A" … "F"), and without one. */
  innerAreas: Record<string, number>;
  /** Comuni per size class, in SIZE_CLASSES order (without population: not counted). */
  sizeClasses: number[];
}

/** The rows of a region (2 digits), a province (3 digits) or, with null, all of Italy. */
export function areaRows(table: AtlasTable, area: string | null): number[] {
  const rows: number[] = [];
  for (let i = 0; i < table.code.length; i += 1) {
    if (area === null || (area.length === 2 ? table.region[i] === area : table.province[i] === area)) rows.push(i);
  }
  return rows;
}

/** The rows of the small Comuni of an area in no Unione di Comuni or Comunità Montana, by name. */
export function smallOutsideUnioniRows(table: AtlasTable, area: string | null): number[] {
  return areaRows(table, area)
    .filter((i) => (table.unioni[i] ?? 0) === 0 && isSmallComune(table.population[i] ?? null))
    .sort((a, b) => (table.name[a] as string).localeCompare(table.name[b] as string, 'it') || a - b);
}

export function summarizeArea(table: AtlasTable, area: string | null): AreaSummary {
  const summary: AreaSummary = { comuni: 0, population: 0, smallComuni: 0, obliged: 0, inUnioni: 0, smallOutsideUnioni: 0, mountain: 0, innerAreas: {}, sizeClasses: SIZE_CLASSES.map(() => 0) };
  for (const i of areaRows(table, area)) {
    const population = table.population[i] ?? null;
    summary.comuni += 1;
    summary.population += population ?? 0;
    if (isSmallComune(population)) summary.smallComuni += 1;
    if (isObligedToAssociate(population, table.mountain[i] === 1)) summary.obliged += 1;
    if ((table.unioni[i] ?? 0) > 0) summary.inUnioni += 1;
    else if (isSmallComune(population)) summary.smallOutsideUnioni += 1;
    if (table.mountain[i] === 1) summary.mountain += 1;
    const inner = table.innerAreaClass[i] ?? '—';
    summary.innerAreas[inner] = (summary.innerAreas[inner] ?? 0) + 1;
    if (population !== null) {
      const k = SIZE_CLASSES.findIndex((max) => max === null || population <= max);
      summary.sizeClasses[k]! += 1;
    }
  }
  return summary;
}
