import { contiguity, type Contiguity } from '../../domain/contiguity';
import { overlaps } from '../../domain/overlaps';
import { summarizeTerritory } from '../../domain/territory';
import type { TerritoryTables } from '../data/territory-store';
import type { TerritoryAnalysis } from '../../domain/alliance-summary';
import { DomainRefusal } from '../../domain/refusal';

export type { NamedArea, TerritoryAnalysis } from '../../domain/alliance-summary';

/** Refuses (invalid) a member list naming Comuni that do not exist, listing every unknown code. */
export function requireKnown(tables: TerritoryTables, members: readonly string[]): string[] {
  const unique = [...new Set(members)];
  const unknown = unique.filter((code) => !tables.facts.has(code));
  if (unknown.length > 0) {
    throw new DomainRefusal('invalid',
      `Codici ISTAT sconosciuti / Unknown ISTAT codes: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`,
      { unknown },
    );
  }
  return unique;
}

export function checkContiguity(tables: TerritoryTables, members: readonly string[]): Contiguity {
  return contiguity(requireKnown(tables, members), tables.graph.neighbours);
}

export function analyzeTerritory(tables: TerritoryTables, members: readonly string[]): TerritoryAnalysis {
  const known = requireKnown(tables, members);
  const summary = summarizeTerritory(known, (code) => tables.facts.get(code));
  const named = (names: Map<string, string>) => (a: { code: string; comuni: number }) => ({
    code: a.code,
    name: names.get(a.code) ?? a.code,
    comuni: a.comuni,
  });
  return {
    totals: summary.totals,
    provinces: summary.provinces.map(named(tables.provinceNames)),
    regions: summary.regions.map(named(tables.regionNames)),
    contiguity: contiguity(known, tables.graph.neighbours),
    overlaps: overlaps(known, (code) => tables.memberships.get(code)),
  };
}
