import { contiguity, type Contiguity } from '../../domain/contiguity';
import { analyzeKnownTerritory } from '../../domain/alliance-evaluation';
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
  return analyzeKnownTerritory(tables, requireKnown(tables, members));
}
