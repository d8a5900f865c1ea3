import { formRules, type GovernanceRule } from '../../domain/governance';
import type { AssociationDetails } from '../api/types';
import { useAssociation } from '../data/queries';
import type { BuilderState } from './builder-store';

/** The existing Unione the alliance extends (legal form «unione»), once the server has sent it. */
export function useExtendedUnione(state: Pick<BuilderState, 'legalForm' | 'governance'>): AssociationDetails | null {
  const id = state.legalForm === 'unione' ? (state.governance.existingUnione ?? null) : null;
  const unione = useAssociation(id);
  return unione && unione.id === id ? unione : null;
}

/** The Unione's members missing from the selection, and the selected Comuni outside the Unione (ISTAT codes). */
export function unioneDifference(unione: Pick<AssociationDetails, 'members'>, members: readonly string[]): { missing: string[]; extra: string[] } {
  const inUnione = new Set(unione.members.map((m) => m.code));
  const selected = new Set(members);
  return { missing: [...inUnione].filter((c) => !selected.has(c)), extra: members.filter((c) => !inUnione.has(c)) };
}

/**
 * The form's checks on the builder's content, as the server makes them on save (the members'
 * obligation to associate is known to the server alone: its advice comes with the saved page).
 */
export function builderFormRules(
  state: Pick<BuilderState, 'legalForm' | 'governance' | 'meta'>,
  territory: readonly string[],
  territoryFacts: { contiguous: boolean; population: number } | null,
  unione: AssociationDetails | null,
  nameOf: (code: string) => string,
): GovernanceRule[] {
  const diff = unione && unioneDifference(unione, territory);
  return formRules({
    legalForm: state.legalForm,
    members: territory.map((code) => ({ code, lead: state.meta[code]?.lead ?? false })),
    contiguous: territoryFacts?.contiguous ?? true,
    population: territoryFacts?.population ?? 0,
    obliged: 0,
    unioneDifference: unione && diff ? { name: unione.name, missing: diff.missing.map(nameOf), extra: diff.extra.map(nameOf) } : null,
    rtd: state.governance.rtd ?? null,
  });
}
