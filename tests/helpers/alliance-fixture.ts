import { AdjacencyGraph, type AdjacencyPair } from '../../domain/adjacency';
import type { AssociationRef } from '../../domain/associations';
import type { TerritoryData } from '../../domain/alliance-evaluation';
import type { AllianceCheckContext, AllianceDraft } from '../../domain/alliance-summary';
import { EMPTY_GOVERNANCE } from '../../domain/governance';
import type { ComuneFacts } from '../../domain/territory';

/**
 * The small territory and drafts that the tests of an alliance's checks share (the domain's and
 * the evaluation thread's): A — B — C in a chain (A in an Unione), D — E apart, both in a
 * Comunità Montana.
 */
export const [A, B, C, D, E] = ['001001', '001002', '001003', '002001', '002002'] as const;

export const comune = (code: string, population: number, provinceCode: string, regionCode = '01'): [string, ComuneFacts] => [
  code,
  { code, name: `Comune ${code}`, provinceCode, regionCode, population, areaKm2: 10 },
];

export const UNIONE: AssociationRef = { id: 5, kind: 'unione', name: 'Unione del Canavese' };
export const MONTANA: AssociationRef = { id: 9, kind: 'comunita_montana', name: 'Comunità montana Valle' };

/** The five Comuni (14,500 residents in Piemonte), with `more` pairs beside their three borders (e.g. a corner). */
export function fiveComuni(more: AdjacencyPair[] = []): TerritoryData {
  return {
    facts: new Map([comune(A, 4000, '001'), comune(B, 3000, '001'), comune(C, 8000, '001'), comune(D, 2000, '002'), comune(E, 1500, '002')]),
    graph: new AdjacencyGraph([
      { a: A, b: B, borderM: 100, kind: 'border' },
      { a: B, b: C, borderM: 100, kind: 'border' },
      { a: D, b: E, borderM: 100, kind: 'border' },
      ...more,
    ]),
    memberships: new Map([
      [A, [UNIONE]],
      [D, [MONTANA]],
      [E, [MONTANA]],
    ]),
    provinceNames: new Map([['001', 'Torino']]),
    regionNames: new Map([['01', 'Piemonte']]),
  };
}

/** A catalogue of one service (pagopa), on 1 June 2026. */
export const CHECK_CONTEXT: AllianceCheckContext = { catalogue: new Map([['pagopa', { retired: false }]]), today: '2026-06-01' };

/** A draft with nothing in it (no members, services, partners) but what `change` sets. */
export function emptyDraft(change: Partial<AllianceDraft> = {}): AllianceDraft {
  return {
    name: 'ALI',
    description: '',
    status: 'draft',
    members: [],
    partners: [],
    services: [],
    runningCostCents: 0,
    legalForm: null,
    governance: EMPTY_GOVERNANCE,
    ...change,
  };
}

/** A draft of `codes` under the national rules, each adhered, the first the lead. */
export function adheredDraft(codes: string[], change: Partial<AllianceDraft> = {}): AllianceDraft {
  return emptyDraft({ ruleSet: 'national', members: codes.map((code, i) => ({ code, status: 'adhered', lead: i === 0 })), ...change });
}
